package io.autogate.benchmarks;

/** The metric a dataset is judged by on its test part. */
public enum TestMetric {
    /** ROC AUC of the positive class (binary tasks). */
    AUC("AUC", true),
    /** Fraction of correct labels. */
    ACCURACY("accuracy", true),
    /** Root mean squared error (regression). */
    RMSE("RMSE", false);

    private final String label;
    private final boolean higherIsBetter;

    TestMetric(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** Name shown in the report. */
    public String label() {
        return label;
    }

    /** Whether a larger value is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Relative difference of {@code ours} to {@code peer} in percent, signed so that a positive value
     * means {@code ours} is better: {@code (ours - peer) / |peer|} for higher-is-better metrics,
     * {@code (peer - ours) / |peer|} otherwise. {@code NaN} if {@code peer} is zero.
     */
    public double relativeAdvantagePercent(double ours, double peer) {
        if (peer == 0) {
            return Double.NaN;
        }
        double difference = higherIsBetter ? ours - peer : peer - ours;
        return 100.0 * difference / Math.abs(peer);
    }
}
