package io.autogate.gateway.drift;

/**
 * Drift of one feature over the recent window: its type ({@code numeric} or {@code categorical}),
 * what the expected shares come from ({@link #HISTOGRAM} or {@link #QUANTILES}), how many values the window holds, the population stability index against training, for
 * categorical features the chi-square goodness-of-fit p-value, the share of non-missing values
 * that are categories never seen in training ({@code null} when training categories are not
 * known), and a status: {@code ok} (PSI below 0.1), {@code moderate} (0.1 to 0.25), {@code major}
 * (above 0.25) or {@code insufficient_data} (window below the minimum; PSI and p-value are then
 * {@code null}).
 */
public record FeatureDrift(String feature, String type, String reference, int windowCount, Double psi, Double chiSquarePValue,
                           Double unseenRate, String status) {
    /** Expected shares counted from the training rows (histogram or category counts in the profile). */
    public static final String HISTOGRAM = "histogram";
    /**
     * Expected shares estimated from the quantiles p01 to p99, for numeric features of artifacts written
     * before profiles stored a histogram; approximate where a quantile lands on a much-repeated value.
     */
    public static final String QUANTILES = "quantiles";
    /** PSI below 0.1. */
    public static final String OK = "ok";
    /** PSI from 0.1 to 0.25. */
    public static final String MODERATE = "moderate";
    /** PSI above 0.25. */
    public static final String MAJOR = "major";
    /** Fewer values than the minimum window. */
    public static final String INSUFFICIENT_DATA = "insufficient_data";

    /** The status the usual PSI rule gives. */
    public static String status(double psi) {
        return psi < 0.1 ? OK : psi <= 0.25 ? MODERATE : MAJOR;
    }

    /** Whether the feature drifts (moderate or major). */
    public boolean drifting() {
        return MODERATE.equals(status) || MAJOR.equals(status);
    }
}
