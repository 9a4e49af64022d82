package io.autogate.benchmarks;

import java.util.Objects;

/**
 * A system's score on a test part.
 *
 * @param metric   the dataset's metric
 * @param value    the metric's value
 * @param accuracy accuracy of the {@code prediction} column for binary tasks, otherwise {@code null}
 */
public record TestScore(TestMetric metric, double value, Double accuracy) {

    public TestScore {
        Objects.requireNonNull(metric, "metric");
    }
}
