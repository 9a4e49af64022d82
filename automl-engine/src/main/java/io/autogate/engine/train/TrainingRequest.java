package io.autogate.engine.train;

import io.autogate.engine.search.SearchSettings;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.TaskType;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to train: the CSV, its target column, the task ({@code null} to detect it), the search
 * settings and the name to register the model under.
 */
public record TrainingRequest(Path data, String target, TaskType task, SearchSettings settings, String name) {
    public TrainingRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        ModelRef.requireValidName(name, "model name");
    }
}
