package io.autogate.engine.family;

import io.autogate.runtime.schema.TaskType;
import java.util.List;

/**
 * Numeric training data for a {@link ModelFamily}: the feature matrix (rows by features, no
 * missing values: the pipeline imputed them), the targets ({@code y[i]} is a class index
 * 0..numClasses-1 for classification, the value for regression), the feature names and the task.
 */
public record TrainingSet(double[][] x, double[] y, List<String> featureNames, TaskType task, int numClasses) {
    public TrainingSet {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        featureNames = List.copyOf(featureNames);
    }

    /** Number of rows. */
    public int size() {
        return y.length;
    }
}
