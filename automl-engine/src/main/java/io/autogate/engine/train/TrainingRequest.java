package io.autogate.engine.train;

import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.search.SearchSettings;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.TaskType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to train: the CSV, its target column, the task ({@code null} to detect it), the search
 * settings, the name to register the model under, the robustness checks and selection policy, and
 * the columns whose type the user set instead of the inferred one ({@code ColumnTypeOverrides}).
 */
public record TrainingRequest(Path data, String target, TaskType task, SearchSettings settings, String name,
        RobustnessSettings robustness, Map<String, ColumnType> columnTypes) {
    public TrainingRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        ModelRef.requireValidName(name, "model name");
        robustness = robustness == null ? RobustnessSettings.off() : robustness;
        columnTypes = columnTypes == null ? Map.of() : Map.copyOf(columnTypes);
    }

    /** A request with every column's type inferred. */
    public TrainingRequest(Path data, String target, TaskType task, SearchSettings settings, String name,
                           RobustnessSettings robustness) {
        this(data, target, task, settings, name, robustness, Map.of());
    }

    /** A request without robustness checks. */
    public TrainingRequest(Path data, String target, TaskType task, SearchSettings settings, String name) {
        this(data, target, task, settings, name, RobustnessSettings.off());
    }
}
