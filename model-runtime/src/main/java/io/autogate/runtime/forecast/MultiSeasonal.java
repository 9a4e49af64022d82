package io.autogate.runtime.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * Additive decomposition by several seasonal periods at once (after MSTL, Bandara, Hyndman and
 * Bergmeir 2021, with classical moving-average steps in place of STL's loess): periods shortest
 * first, each seasonal component is estimated from the series minus the other components — a
 * centred moving average of one period removes the trend, the detrended values are averaged per
 * position in the season over the latest {@link #CYCLES} cycles (STL's default seasonal window)
 * and centred to sum to zero — and the pass is repeated {@link #PASSES} times. A period is used
 * only when the history covers at least two of its cycles.
 *
 * @param periods the periods used, shortest first
 * @param indices per used period, one additive index per position {@code t mod period}
 */
public record MultiSeasonal(int[] periods, double[][] indices) {
    /** Cycles each seasonal index is averaged over (the latest ones). */
    public static final int CYCLES = 7;
    /** Backfitting passes over the periods (MSTL's default {@code iterate = 2}). */
    public static final int PASSES = 2;

    /** Decomposes {@code y} by those of {@code periods} (each at least 2) that it covers twice. */
    public static MultiSeasonal of(double[] y, List<Integer> periods) {
        int n = y.length;
        int[] used = periods.stream().mapToInt(Integer::intValue).filter(p -> p >= 2 && n >= 2 * p).sorted().distinct()
                .toArray();
        double[][] indices = new double[used.length][];
        for (int k = 0; k < used.length; k++) {
            indices[k] = new double[used[k]];
        }
        double[] x = new double[n];
        for (int pass = 0; pass < PASSES; pass++) {
            for (int k = 0; k < used.length; k++) {
                for (int t = 0; t < n; t++) {
                    x[t] = y[t];
                    for (int j = 0; j < used.length; j++) {
                        x[t] -= j == k ? 0 : indices[j][t % used[j]];
                    }
                }
                indices[k] = season(x, used[k]);
            }
        }
        return new MultiSeasonal(used, indices);
    }

    /** The sum of the seasonal components at step {@code t} (t ≥ the history's length forecasts them). */
    public double seasonal(int t) {
        double s = 0;
        for (int k = 0; k < periods.length; k++) {
            s += indices[k][t % periods[k]];
        }
        return s;
    }

    /** {@code y} minus its seasonal components. */
    public double[] adjust(double[] y) {
        double[] x = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            x[t] = y[t] - seasonal(t);
        }
        return x;
    }

    /** One period's additive indices of {@code x}: detrended by a centred moving average, averaged over the latest cycles. */
    private static double[] season(double[] x, int p) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int t = 0; t < n; t++) {
            prefix[t + 1] = prefix[t] + x[t];
        }
        int half = p / 2;
        int first = half;
        int last = n - half - 1;
        double[] sum = new double[p];
        int[] count = new int[p];
        for (int t = last; t >= first; t--) {
            int pos = t % p;
            if (count[pos] >= CYCLES) {
                continue;
            }
            double ma = p % 2 == 1 ? (prefix[t + half + 1] - prefix[t - half]) / p
                    : (prefix[t + half] - prefix[t - half + 1] + 0.5 * (x[t - half] + x[t + half])) / p;
            sum[pos] += x[t] - ma;
            count[pos]++;
        }
        double[] idx = new double[p];
        for (int j = 0; j < p; j++) {
            idx[j] = count[j] == 0 ? 0 : sum[j] / count[j];
        }
        double mean = Arrays.stream(idx).average().orElse(0);
        for (int j = 0; j < p; j++) {
            idx[j] -= mean;
        }
        return idx;
    }
}
