package io.autogate.gateway.drift;

import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bins of a numeric feature cut at its training quantiles p01, p05, p25, p50, p75, p95 and p99,
 * plus a missing bin. Bin {@code j} holds values in {@code (edge[j-1], edge[j]]}; the last value
 * bin holds values above the top edge. The expected share of a bin is the difference of the
 * quantile levels at its edges, scaled by the training non-missing rate. Tied quantiles (a value
 * that fills several levels, common in discrete data) merge into one edge carrying the highest
 * level, so a point mass is expected where training had it. Values that do not parse as numbers
 * count as missing.
 */
final class NumericBinning implements Binning {
    private static final String[] KEYS = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
    private static final double[] LEVELS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};

    private final double[] edges;
    private final double[] expected;

    private NumericBinning(double[] edges, double[] expected) {
        this.edges = edges;
        this.expected = expected;
    }

    /** The binning of a profiled numeric column, empty when the profile has no quantiles. */
    static Optional<NumericBinning> of(ColumnProfile profile) {
        Map<String, Double> q = profile.quantiles();
        if (q == null || q.isEmpty()) {
            return Optional.empty();
        }
        List<Double> edgeList = new ArrayList<>();
        List<Double> levelList = new ArrayList<>();
        for (int i = 0; i < KEYS.length; i++) {
            Double edge = q.get(KEYS[i]);
            if (edge == null || !Double.isFinite(edge)) {
                continue;
            }
            int last = edgeList.size() - 1;
            if (last >= 0 && edge <= edgeList.get(last)) {
                levelList.set(last, LEVELS[i]);
            } else {
                edgeList.add(edge);
                levelList.add(LEVELS[i]);
            }
        }
        if (edgeList.isEmpty()) {
            return Optional.empty();
        }
        double present = 1 - profile.missingRate();
        double[] edges = edgeList.stream().mapToDouble(Double::doubleValue).toArray();
        double[] expected = new double[edges.length + 2];
        double below = 0;
        for (int j = 0; j < edges.length; j++) {
            expected[j] = (levelList.get(j) - below) * present;
            below = levelList.get(j);
        }
        expected[edges.length] = (1 - below) * present;
        expected[edges.length + 1] = profile.missingRate();
        return Optional.of(new NumericBinning(edges, expected));
    }

    @Override
    public int bin(String raw) {
        double v = parse(raw);
        if (Double.isNaN(v)) {
            return edges.length + 1;
        }
        int j = Arrays.binarySearch(edges, v);
        return j >= 0 ? j : -j - 1;
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
    public String type() {
        return "numeric";
    }

    private static double parse(String raw) {
        if (Row.isMissing(raw)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
