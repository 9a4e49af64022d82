package io.autogate.gateway.routing;

import io.autogate.runtime.predict.Prediction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far a shadow model's answers agree with the primary's on the same rows. Classification
 * answers (both with a label) count towards the agreement rate; regression answers (both with a
 * value) towards the mean absolute difference and the mean relative difference
 * {@code |primary - shadow| / max(|primary|, 1e-9)}. Rows where either side failed are counted
 * separately. The most recent disagreements (different labels, a relative difference above the
 * tolerance, or only one side failing) are kept as examples. Thread-safe (synchronized; meant
 * for the shadow threads, not the request path).
 */
public final class ShadowComparison {
    /** Examples kept by default. */
    public static final int DEFAULT_MAX_EXAMPLES = 10;
    /** Relative difference above which a regression answer counts as a disagreement by default. */
    public static final double DEFAULT_REGRESSION_TOLERANCE = 0.05;

    private final int maxExamples;
    private final double regressionTolerance;
    private final Deque<Disagreement> examples = new ArrayDeque<>();
    private long classified;
    private long agreed;
    private long regressed;
    private double absoluteDifferenceSum;
    private double relativeDifferenceSum;
    private long primaryErrors;
    private long shadowErrors;
    private long mismatchedKinds;

    /** A comparison keeping the 10 most recent disagreements, with a 5% regression tolerance. */
    public ShadowComparison() {
        this(DEFAULT_MAX_EXAMPLES, DEFAULT_REGRESSION_TOLERANCE);
    }

    /** A comparison keeping {@code maxExamples} (>= 0) disagreements; {@code regressionTolerance} >= 0. */
    public ShadowComparison(int maxExamples, double regressionTolerance) {
        if (maxExamples < 0 || !(regressionTolerance >= 0)) {
            throw new IllegalArgumentException("maxExamples and regressionTolerance must be >= 0, got "
                    + maxExamples + " and " + regressionTolerance);
        }
        this.maxExamples = maxExamples;
        this.regressionTolerance = regressionTolerance;
    }

    /** Compares the answers of primary and shadow for one row; {@code inputRow} is kept only in examples. */
    public synchronized void record(Prediction primary, Prediction shadow, Map<String, String> inputRow) {
        if (!primary.ok() || !shadow.ok()) {
            if (!primary.ok()) {
                primaryErrors++;
            }
            if (!shadow.ok()) {
                shadowErrors++;
            }
            if (primary.ok() != shadow.ok()) {
                remember(inputRow, primary, shadow);
            }
            return;
        }
        if (primary.label() != null && shadow.label() != null) {
            classified++;
            if (Objects.equals(primary.label(), shadow.label())) {
                agreed++;
            } else {
                remember(inputRow, primary, shadow);
            }
        } else if (primary.value() != null && shadow.value() != null) {
            double a = primary.value();
            double b = shadow.value();
            double absolute = Math.abs(a - b);
            double relative = absolute / Math.max(Math.abs(a), 1e-9);
            regressed++;
            absoluteDifferenceSum += absolute;
            relativeDifferenceSum += relative;
            if (relative > regressionTolerance) {
                remember(inputRow, primary, shadow);
            }
        } else {
            mismatchedKinds++;
            remember(inputRow, primary, shadow);
        }
    }

    /** The figures now; rates and means are null when nothing of that kind was compared. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(classified, agreed, classified == 0 ? null : (double) agreed / classified,
                regressed, regressed == 0 ? null : absoluteDifferenceSum / regressed,
                regressed == 0 ? null : relativeDifferenceSum / regressed,
                primaryErrors, shadowErrors, mismatchedKinds, List.copyOf(examples));
    }

    private void remember(Map<String, String> inputRow, Prediction primary, Prediction shadow) {
        if (maxExamples == 0) {
            return;
        }
        if (examples.size() == maxExamples) {
            examples.removeFirst();
        }
        examples.addLast(new Disagreement(inputRow == null ? Map.of() : Map.copyOf(inputRow), primary, shadow));
    }

    /** One row where the answers differed, with the input row. */
    public record Disagreement(Map<String, String> input, Prediction primary, Prediction shadow) {
    }

    /**
     * Comparison figures: {@code classified} label pairs of which {@code agreed} matched;
     * {@code regressed} value pairs with their mean absolute and relative differences; rows
     * where the primary or the shadow failed; pairs of different kinds (a label against a value);
     * and the most recent disagreements, oldest first.
     */
    public record Snapshot(long classified, long agreed, Double agreementRate, long regressed,
                           Double meanAbsoluteDifference, Double meanRelativeDifference,
                           long primaryErrors, long shadowErrors, long mismatchedKinds,
                           List<Disagreement> recentDisagreements) {
    }
}
