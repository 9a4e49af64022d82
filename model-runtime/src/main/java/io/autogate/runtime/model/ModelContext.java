package io.autogate.runtime.model;

import io.autogate.runtime.schema.TaskType;
import java.util.List;

/**
 * What a {@link ModelFormat} needs besides the file to rebuild a model: the task, the number of
 * classes (0 for regression) and the names of the feature vector's positions.
 */
public record ModelContext(TaskType task, int numClasses, List<String> featureNames) {
    public ModelContext {
        featureNames = List.copyOf(featureNames);
    }
}
