package io.autogate.runtime.model;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ModelFormat} needs besides the file to rebuild a model: the task, the number of
 * classes (0 for regression), the names of the feature vector's positions and the member's
 * parameters from the manifest (an imported ONNX model keeps its input and output tensor names
 * there).
 */
public record ModelContext(TaskType task, int numClasses, List<String> featureNames, Map<String, Object> params) {
    public ModelContext {
        featureNames = List.copyOf(featureNames);
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A context without member parameters. */
    public ModelContext(TaskType task, int numClasses, List<String> featureNames) {
        this(task, numClasses, featureNames, Map.of());
    }
}
