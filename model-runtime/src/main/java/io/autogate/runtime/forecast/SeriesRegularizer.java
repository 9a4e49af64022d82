package io.autogate.runtime.forecast;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts raw (stamp, value) pairs of one series on a regular grid by stated rules: the grid starts
 * at the earliest stamp with the given frequency; a stamp off the grid goes to the nearest grid
 * point; rows sharing a grid point are averaged; grid points without a value (gaps, or a missing
 * value) are linearly interpolated between their neighbours, and held flat before the first or
 * after the last known value. The same rules run at training and at prediction time. Covariates
 * coded as categories or booleans use {@link Fill#PREVIOUS} instead: the last row of a grid point
 * wins and a point without a value takes the previous point's value (the first known value before it).
 */
public final class SeriesRegularizer {
    private SeriesRegularizer() {
    }

    /** How grid points without a value are filled and rows sharing a grid point merged. */
    public enum Fill {
        /** Rows sharing a point are averaged; missing points are linearly interpolated. */
        LINEAR,
        /** The last row of a point wins; missing points repeat the previous value. */
        PREVIOUS
    }

    /** The result: the regular series and what was done to it. */
    public record Result(RegularSeries series, RegularizationReport report) {
    }

    /**
     * Regularizes one series. {@code values} holds {@code NaN} for a missing value.
     *
     * @throws IllegalArgumentException when the series has no value at all
     */
    public static Result regularize(String id, List<LocalDateTime> stamps, double[] values, Frequency frequency) {
        return regularize(id, stamps, values, frequency, Fill.LINEAR);
    }

    /** Regularizes one series with the given fill rule; see {@link #regularize(String, List, double[], Frequency)}. */
    public static Result regularize(String id, List<LocalDateTime> stamps, double[] values, Frequency frequency, Fill fill) {
        if (stamps.size() != values.length || stamps.isEmpty()) {
            throw new IllegalArgumentException("series " + id + " has no rows");
        }
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(stamps::get));
        LocalDateTime start = stamps.get(order[0]);
        long last = frequency.stepsBetween(start, stamps.get(order[order.length - 1]));
        if (last > 50_000_000L) {
            throw new IllegalArgumentException("series " + id + " spans " + last + " steps of " + frequency.id()
                    + "; is the frequency right?");
        }
        int n = (int) last + 1;
        double[] sum = new double[n];
        int[] count = new int[n];
        boolean[] seen = new boolean[n];
        int offGrid = 0;
        int duplicates = 0;
        int missing = 0;
        for (int i : order) {
            LocalDateTime t = stamps.get(i);
            int k = (int) frequency.stepsBetween(start, t);
            if (!frequency.plus(start, k).equals(t)) {
                offGrid++;
            }
            if (seen[k]) {
                duplicates++;
            }
            seen[k] = true;
            if (Double.isNaN(values[i])) {
                continue;
            }
            sum[k] = fill == Fill.LINEAR ? sum[k] + values[i] : values[i];
            count[k] = fill == Fill.LINEAR ? count[k] + 1 : 1;
        }
        int gaps = 0;
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            if (!seen[k]) {
                gaps++;
            } else if (count[k] == 0) {
                missing++;
            }
            y[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
        }
        if (gaps + missing == n) {
            throw new IllegalArgumentException("series " + id + " has no numeric value");
        }
        if (fill == Fill.LINEAR) {
            interpolate(y);
        } else {
            carryForward(y);
        }
        return new Result(new RegularSeries(id, start, y), new RegularizationReport(duplicates, offGrid, gaps, missing));
    }

    private static void carryForward(double[] y) {
        double first = Arrays.stream(y).filter(v -> !Double.isNaN(v)).findFirst().orElse(Double.NaN);
        double previous = first;
        for (int k = 0; k < y.length; k++) {
            if (Double.isNaN(y[k])) {
                y[k] = previous;
            } else {
                previous = y[k];
            }
        }
    }

    private static void interpolate(double[] y) {
        int prev = -1;
        for (int k = 0; k <= y.length; k++) {
            if (k < y.length && Double.isNaN(y[k])) {
                continue;
            }
            for (int j = prev + 1; j < k; j++) {
                if (prev < 0) {
                    y[j] = y[k];
                } else if (k == y.length) {
                    y[j] = y[prev];
                } else {
                    y[j] = y[prev] + (y[k] - y[prev]) * (j - prev) / (double) (k - prev);
                }
            }
            prev = k;
        }
    }
}
