package io.autogate.gateway.drift;

import io.autogate.runtime.pipeline.RawValues;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.profile.NumericHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bins of a numeric feature plus a missing bin. Values are read as the pipeline reads them
 * ({@link RawValues#number}; unparseable values count as missing) and assigned by
 * {@link NumericHistogram#bin(List, double)}, the rule profiling used to count the training values.
 *
 * <p>With the profile's {@link NumericHistogram} (every profile written since it exists) the edges
 * are its cut points and a bin's expected share is the share of training rows profiling counted in
 * it; the missing bin expects every training row the histogram did not count. Older profiles only
 * have the quantiles p01 to p99: their edges are the quantiles and a bin's expected share is the
 * difference of the quantile levels at its edges, scaled by the non-missing rate; tied quantiles
 * merge into one edge carrying the highest level. That estimate is only approximate when a quantile
 * lands on a value tied many times (discrete data).
 */
final class NumericBinning implements Binning {
    private static final String[] KEYS = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
    private static final double[] LEVELS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};

    private final List<Double> edges;
    private final double[] expected;
    private final String reference;

    private NumericBinning(List<Double> edges, double[] expected, String reference) {
        this.edges = List.copyOf(edges);
        this.expected = expected;
        this.reference = reference;
    }

    /** The binning of a profiled numeric column, empty when the profile has neither histogram nor quantiles. */
    static Optional<NumericBinning> of(ColumnProfile profile) {
        if (profile.count() <= 0) {
            return Optional.empty();
        }
        return profile.histogram() != null ? Optional.of(fromHistogram(profile.histogram(), profile.count()))
                : fromQuantiles(profile);
    }

    private static NumericBinning fromHistogram(NumericHistogram histogram, long rows) {
        List<Long> counts = histogram.counts();
        double[] expected = new double[counts.size() + 1];
        for (int j = 0; j < counts.size(); j++) {
            expected[j] = (double) counts.get(j) / rows;
        }
        expected[counts.size()] = Math.max(0, rows - histogram.total()) / (double) rows;
        return new NumericBinning(histogram.edges(), expected, FeatureDrift.HISTOGRAM);
    }

    private static Optional<NumericBinning> fromQuantiles(ColumnProfile profile) {
        Map<String, Double> q = profile.quantiles();
        if (q == null || q.isEmpty()) {
            return Optional.empty();
        }
        List<Double> edges = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < KEYS.length; i++) {
            Double edge = q.get(KEYS[i]);
            if (edge == null || !Double.isFinite(edge)) {
                continue;
            }
            int last = edges.size() - 1;
            if (last >= 0 && edge <= edges.get(last)) {
                levels.set(last, LEVELS[i]);
            } else {
                edges.add(edge);
                levels.add(LEVELS[i]);
            }
        }
        if (edges.isEmpty()) {
            return Optional.empty();
        }
        double present = 1 - profile.missingRate();
        double[] expected = new double[edges.size() + 2];
        double below = 0;
        for (int j = 0; j < edges.size(); j++) {
            expected[j] = (levels.get(j) - below) * present;
            below = levels.get(j);
        }
        expected[edges.size()] = (1 - below) * present;
        expected[edges.size() + 1] = profile.missingRate();
        return Optional.of(new NumericBinning(edges, expected, FeatureDrift.QUANTILES));
    }

    @Override
    public int bin(String raw) {
        double v = RawValues.number(raw);
        return Double.isNaN(v) ? expected.length - 1 : NumericHistogram.bin(edges, v);
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public boolean unseen(String raw) {
        return false;
    }

    @Override
    public boolean tracksUnseen() {
        return false;
    }

    @Override
    public String reference() {
        return reference;
    }

    @Override
    public String type() {
        return "numeric";
    }
}
