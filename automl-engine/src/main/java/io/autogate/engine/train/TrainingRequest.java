package io.autogate.engine.train;

import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.search.SearchSettings;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.TaskType;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to train: the CSV, its target column, the task ({@code null} to detect it), the search
 * settings, the name to register the model under and the robustness checks and selection policy.
 */
public record TrainingRequest(Path data, String target, TaskType task, SearchSettings settings, String name,
        RobustnessSettings robustness) {
    public TrainingRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        ModelRef.requireValidName(name, "model name");
        robustness = robustness == null ? RobustnessSettings.off() : robustness;
    }

    /** A request without robustness checks. */
    public TrainingRequest(Path data, String target, TaskType task, SearchSettings settings, String name) {
        this(data, target, task, settings, name, RobustnessSettings.off());
    }
}
