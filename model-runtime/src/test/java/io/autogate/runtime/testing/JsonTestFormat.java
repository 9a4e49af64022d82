package io.autogate.runtime.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.ModelFormat;
import io.autogate.runtime.model.NumericModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model format for test models that are plain records: written and read as JSON. Subclasses
 * name the format and the record class; they need a public no-argument constructor for the
 * {@link java.util.ServiceLoader}.
 */
public abstract class JsonTestFormat implements ModelFormat {
    private final ObjectMapper json = new ObjectMapper();
    private final String id;
    private final Class<? extends NumericModel> type;

    /** A format with this id reading models of this record class. */
    protected JsonTestFormat(String id, Class<? extends NumericModel> type) {
        this.id = id;
        this.type = type;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void write(NumericModel model, Path file) throws IOException {
        json.writeValue(file.toFile(), model);
    }

    @Override
    public NumericModel read(Path file, ModelContext context) throws IOException {
        return json.readValue(file.toFile(), type);
    }
}
