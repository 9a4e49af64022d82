package io.autogate.runtime.forecast;

/**
 * Classical multiplicative decomposition: a centred moving average of one period, the ratio of
 * each value to it averaged per position in the season, normalised to mean 1. Used by Theta to
 * deseasonalise a series and to put the season back on its forecast.
 */
public final class SeasonalIndices {
    private SeasonalIndices() {
    }

    /** One index per position {@code t mod period}, or {@code null} when the series cannot be decomposed. */
    public static double[] multiplicative(double[] y, int period) {
        int n = y.length;
        if (period < 2 || n < 2 * period) {
            return null;
        }
        double[] sum = new double[period];
        int[] count = new int[period];
        int half = period / 2;
        for (int t = half; t < n - half; t++) {
            double ma;
            if (period % 2 == 0) {
                double s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int k = t - half + 1; k < t + half; k++) {
                    s += y[k];
                }
                ma = s / period;
            } else {
                double s = 0;
                for (int k = t - half; k <= t + half; k++) {
                    s += y[k];
                }
                ma = s / period;
            }
            if (ma <= 0 || !Double.isFinite(ma)) {
                return null;
            }
            sum[t % period] += y[t] / ma;
            count[t % period]++;
        }
        double[] idx = new double[period];
        double norm = 0;
        for (int j = 0; j < period; j++) {
            if (count[j] == 0) {
                return null;
            }
            idx[j] = sum[j] / count[j];
            norm += idx[j];
        }
        norm /= period;
        for (int j = 0; j < period; j++) {
            idx[j] /= norm;
            if (idx[j] < 1e-4) {
                return null;
            }
        }
        return idx;
    }
}
