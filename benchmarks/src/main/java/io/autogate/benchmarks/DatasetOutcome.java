package io.autogate.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Both systems' results on one dataset, and how they compare.
 *
 * @param dataset   the dataset
 * @param rows      data rows in the source file
 * @param trainRows rows in {@code train.csv}
 * @param testRows  rows in {@code test.csv}
 * @param autogate  Autogate's result
 * @param h2o       H2O AutoML's result
 */
public record DatasetOutcome(BenchmarkDataset dataset, int rows, int trainRows, int testRows,
                             SystemResult autogate, SystemResult h2o) {

    /** Allowed shortfall against H2O, in percent, for "within 1% of H2O or better". */
    public static final double TOLERANCE_PERCENT = 1.0;

    public DatasetOutcome {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(autogate, "autogate");
        Objects.requireNonNull(h2o, "h2o");
    }

    /** Whether both systems produced a test score. */
    public boolean compared() {
        return autogate.succeeded() && h2o.succeeded();
    }

    /**
     * Autogate's relative advantage over H2O in percent (positive = Autogate better), or {@code null}
     * if either system has no score. See {@link TestMetric#relativeAdvantagePercent}.
     */
    @JsonProperty("advantagePercent")
    public Double advantagePercent() {
        if (!compared()) {
            return null;
        }
        double advantage = dataset.metric().relativeAdvantagePercent(autogate.score().value(), h2o.score().value());
        return Double.isNaN(advantage) ? null : advantage;
    }

    /** Whether Autogate is within {@link #TOLERANCE_PERCENT} of H2O or better; {@code null} if not compared. */
    @JsonProperty("withinTolerance")
    public Boolean withinTolerance() {
        if (!compared()) {
            return null;
        }
        double ours = autogate.score().value();
        double peer = h2o.score().value();
        double slack = Math.abs(peer) * TOLERANCE_PERCENT / 100.0;
        return dataset.metric().higherIsBetter() ? ours >= peer - slack : ours <= peer + slack;
    }

    /** Win, loss or tie of Autogate against H2O on the test metric; {@code null} if not compared. */
    @JsonProperty("comparison")
    public Comparison comparison() {
        if (!compared()) {
            return null;
        }
        int order = Double.compare(autogate.score().value(), h2o.score().value());
        if (order == 0) {
            return Comparison.TIE;
        }
        boolean oursHigher = order > 0;
        return oursHigher == dataset.metric().higherIsBetter() ? Comparison.WIN : Comparison.LOSS;
    }

    /**
     * Whether Autogate met the dataset's quality target: {@code null} if the dataset has none or
     * Autogate was skipped, {@code false} if Autogate failed.
     */
    @JsonProperty("targetMet")
    public Boolean targetMet() {
        if (dataset.qualityTarget() == null || autogate.status() == RunStatus.SKIPPED) {
            return null;
        }
        return autogate.succeeded() && dataset.qualityTarget().isMetBy(autogate.score().value());
    }

    /** Autogate's result against H2O on one dataset. */
    public enum Comparison {
        /** Autogate's test metric is strictly better. */
        WIN,
        /** Equal test metrics. */
        TIE,
        /** H2O's test metric is strictly better. */
        LOSS
    }
}
