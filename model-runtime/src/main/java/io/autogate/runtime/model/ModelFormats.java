package io.autogate.runtime.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The model formats available at run time, by id. Immutable. */
public final class ModelFormats {
    private final Map<String, ModelFormat> byId;

    /** A set of formats; later entries with an existing id are rejected. */
    public ModelFormats(List<ModelFormat> formats) {
        Map<String, ModelFormat> map = new LinkedHashMap<>();
        for (ModelFormat f : formats) {
            if (map.putIfAbsent(f.id(), f) != null) {
                throw new IllegalArgumentException("two model formats share the id " + f.id());
            }
        }
        this.byId = Map.copyOf(map);
    }

    /** Every format registered through {@code META-INF/services/io.autogate.runtime.model.ModelFormat}. */
    public static ModelFormats discover() {
        return new ModelFormats(ServiceLoader.load(ModelFormat.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** The format with this id. */
    public ModelFormat get(String id) {
        ModelFormat f = byId.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown model format '" + id + "', known: " + byId.keySet());
        }
        return f;
    }
}
