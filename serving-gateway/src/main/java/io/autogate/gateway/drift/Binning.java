package io.autogate.gateway.drift;

/**
 * How one feature's raw values fall into bins, with the share of training rows in each bin. The
 * last bin always holds missing values. Immutable and thread-safe.
 */
sealed interface Binning permits NumericBinning, CategoricalBinning {
    /** The bin a raw value falls in. */
    int bin(String raw);

    /** The training share of each bin; sums to 1. */
    double[] expected();

    /** Whether the value is a category never seen in training ({@code false} when not known). */
    boolean unseen(String raw);

    /** Whether {@link #unseen} can tell (the training categories are known). */
    boolean tracksUnseen();

    /** Where the expected shares come from: {@link FeatureDrift#HISTOGRAM} or {@link FeatureDrift#QUANTILES}. */
    String reference();

    /** The feature type reported: {@code numeric} or {@code categorical}. */
    String type();
}
