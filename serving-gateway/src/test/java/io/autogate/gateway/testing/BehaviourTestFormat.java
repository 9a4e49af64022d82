package io.autogate.gateway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.ModelFormat;
import io.autogate.runtime.model.NumericModel;
import java.io.IOException;
import java.nio.file.Path;

/** Stores {@link BehaviourTestModel}s (models that throw or stall) as JSON, for failure tests. */
public final class BehaviourTestFormat implements ModelFormat {
    /** The format id. */
    public static final String ID = "test-behaviour-json";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void write(NumericModel model, Path file) throws IOException {
        json.writeValue(file.toFile(), model);
    }

    @Override
    public NumericModel read(Path file, ModelContext context) throws IOException {
        return json.readValue(file.toFile(), BehaviourTestModel.class);
    }
}
