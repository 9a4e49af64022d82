package io.autogate.benchmarks;

import java.util.Objects;

/**
 * One benchmark dataset.
 *
 * @param name         short name used on the command line, e.g. {@code pima-diabetes}
 * @param relativePath path under the shared datasets folder, e.g. {@code classification/pima-diabetes.csv}
 * @param targetColumn the column to predict
 * @param task         the task both systems are told to solve
 * @param metric       the test metric the dataset is judged by
 * @param qualityTarget the project target for the metric, or {@code null} if there is none
 */
public record BenchmarkDataset(String name, String relativePath, String targetColumn, BenchmarkTask task,
                               TestMetric metric, QualityTarget qualityTarget) {

    public BenchmarkDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(targetColumn, "targetColumn");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(metric, "metric");
        if (qualityTarget != null && qualityTarget.metric() != metric) {
            throw new IllegalArgumentException("dataset " + name + " is judged by " + metric
                    + " but its target is on " + qualityTarget.metric());
        }
        if (metric == TestMetric.RMSE ? task != BenchmarkTask.REGRESSION
                : (task == BenchmarkTask.REGRESSION || metric == TestMetric.AUC && task != BenchmarkTask.BINARY)) {
            throw new IllegalArgumentException("dataset " + name + ": metric " + metric + " does not fit task " + task);
        }
    }
}
