package io.autogate.benchmarks;

import java.util.Locale;
import java.util.Objects;

/**
 * A project target for a dataset's test metric at the standard budget, such as AUC &gt;= 0.80 or
 * RMSE &lt;= 48000. The direction follows the metric.
 */
public record QualityTarget(TestMetric metric, double threshold) {

    public QualityTarget {
        Objects.requireNonNull(metric, "metric");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
    }

    /** Whether a test-metric value meets the target. */
    public boolean isMetBy(double value) {
        return metric.higherIsBetter() ? value >= threshold : value <= threshold;
    }

    /** The target as text, e.g. {@code AUC >= 0.8}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s %s", metric.label(), metric.higherIsBetter() ? ">=" : "<=",
                new java.math.BigDecimal(Double.toString(threshold)).stripTrailingZeros().toPlainString());
    }
}
