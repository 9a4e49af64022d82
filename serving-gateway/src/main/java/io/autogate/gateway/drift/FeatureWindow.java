package io.autogate.gateway.drift;

import smile.stat.hypothesis.ChiSqTest;

/**
 * The bins of one feature's last {@code size} values, kept as a ring of bin numbers with running
 * counts so adding a value and reading the counts are cheap. Not thread-safe: the
 * {@link DriftMonitor} guards it.
 */
final class FeatureWindow {
    /** Floor for shares in the PSI so empty bins do not give infinite terms. */
    static final double EPSILON = 1e-4;

    private final String feature;
    private final Binning binning;
    private final int[] ring;
    private final boolean[] unseenRing;
    private final int[] counts;
    private int next;
    private int filled;
    private int unseen;

    FeatureWindow(String feature, Binning binning, int size) {
        this.feature = feature;
        this.binning = binning;
        this.ring = new int[size];
        this.unseenRing = new boolean[size];
        this.counts = new int[binning.expected().length];
    }

    /** Adds a raw value, dropping the oldest when the window is full. */
    void add(String raw) {
        int bin = binning.bin(raw);
        boolean isUnseen = binning.unseen(raw);
        if (filled == ring.length) {
            counts[ring[next]]--;
            unseen -= unseenRing[next] ? 1 : 0;
        } else {
            filled++;
        }
        ring[next] = bin;
        unseenRing[next] = isUnseen;
        counts[bin]++;
        unseen += isUnseen ? 1 : 0;
        next = (next + 1) % ring.length;
    }

    /** The drift of the window against training, or insufficient data below {@code minRows}. */
    FeatureDrift drift(int minRows) {
        int missing = counts[counts.length - 1];
        Double unseenRate = binning.tracksUnseen() && filled > missing ? (double) unseen / (filled - missing) : null;
        if (filled < minRows) {
            return new FeatureDrift(feature, binning.type(), binning.reference(), filled, null, null, unseenRate,
                    FeatureDrift.INSUFFICIENT_DATA);
        }
        double[] expected = binning.expected();
        double psi = psi(counts, filled, expected);
        Double pValue = binning instanceof CategoricalBinning ? chiSquarePValue(counts, expected) : null;
        return new FeatureDrift(feature, binning.type(), binning.reference(), filled, psi, pValue, unseenRate, FeatureDrift.status(psi));
    }

    /** Population stability index: sum of (actual - expected) * ln(actual / expected) over bins. */
    static double psi(int[] counts, int n, double[] expected) {
        double psi = 0;
        for (int i = 0; i < counts.length; i++) {
            double a = Math.max((double) counts[i] / n, EPSILON);
            double e = Math.max(expected[i], EPSILON);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** Goodness-of-fit p-value of the counts against the expected shares, smoothed by {@link #EPSILON}. */
    private static double chiSquarePValue(int[] counts, double[] expected) {
        double[] smoothed = new double[expected.length];
        double total = 0;
        for (int i = 0; i < expected.length; i++) {
            smoothed[i] = expected[i] + EPSILON;
            total += smoothed[i];
        }
        for (int i = 0; i < smoothed.length; i++) {
            smoothed[i] /= total;
        }
        return ChiSqTest.test(counts, smoothed).pvalue;
    }
}
