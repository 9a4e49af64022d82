package io.autogate.runtime.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The training distribution of a numeric column as a histogram, the reference drift checks compare
 * live values with: ascending cut points {@code edges} and the number of non-missing training values
 * in each of the {@code edges.size() + 1} bins. Bin {@code j} holds values in
 * {@code (edges[j-1], edges[j]]}; the last bin holds values above the top edge.
 *
 * <p>{@link #of} cuts at the training deciles, taking each cut from the training values themselves
 * and dropping repeated cuts and cuts at the maximum, so every bin holds at least one training value
 * and a value tied many times (discrete data) falls in one bin with its whole weight. The counts are
 * made with {@link #bin}, the same method that assigns live values, so a live stream drawn like the
 * training data gets the training shares.
 */
public record NumericHistogram(List<Double> edges, List<Long> counts) {
    /** How many bins {@link #of} aims at (fewer when the values have fewer distinct cut points). */
    public static final int TARGET_BINS = 10;

    public NumericHistogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (counts.size() != edges.size() + 1) {
            throw new IllegalArgumentException(edges.size() + " edges need " + (edges.size() + 1) + " counts, got "
                    + counts.size());
        }
        for (int j = 0; j < edges.size(); j++) {
            if (!Double.isFinite(edges.get(j)) || j > 0 && edges.get(j) <= edges.get(j - 1)) {
                throw new IllegalArgumentException("edges must be finite and strictly ascending: " + edges);
            }
        }
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + counts);
            }
        }
    }

    /**
     * The histogram of sorted finite values (at least one).
     *
     * @throws IllegalArgumentException when {@code sorted} is empty
     */
    public static NumericHistogram of(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("a histogram needs at least one value");
        }
        double max = sorted[n - 1];
        List<Double> edges = new ArrayList<>();
        for (int k = 1; k < TARGET_BINS; k++) {
            double cut = sorted[(int) ((k * (long) n + TARGET_BINS - 1) / TARGET_BINS) - 1];
            if (cut < max && (edges.isEmpty() || cut > edges.get(edges.size() - 1))) {
                edges.add(cut);
            }
        }
        long[] counts = new long[edges.size() + 1];
        for (double v : sorted) {
            counts[bin(edges, v)]++;
        }
        List<Long> countList = new ArrayList<>(counts.length);
        for (long c : counts) {
            countList.add(c);
        }
        return new NumericHistogram(edges, countList);
    }

    /** The bin a finite value falls in: the first {@code j} with {@code value <= edges[j]}, else the last bin. */
    public int bin(double value) {
        return bin(edges, value);
    }

    /** How many values the histogram counts. */
    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The bin rule itself, for any ascending edges: the first {@code j} with {@code value <= edges[j]},
     * {@code edges.size()} above the top edge. Drift checks of profiles without a histogram bin by it
     * too, with quantiles as edges.
     */
    public static int bin(List<Double> edges, double value) {
        int lo = 0;
        int hi = edges.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= edges.get(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
