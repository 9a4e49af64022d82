package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.SeasonalIndices;
import io.autogate.runtime.forecast.ThetaModel;

/**
 * The Theta method (R {@code thetaf}): seasonal when m > 1, n ≥ 2m, the data are positive and
 * the lag-m autocorrelation is significant at 90% ({@code |r_m| > 1.645·√((1 + 2Σ_{k<m} r_k²)/n)});
 * alpha minimises the one-step squared error of SES on the adjusted series (golden-section search
 * over [0.1, 0.99]).
 */
final class ThetaFamily implements ForecastFamily {
    @Override
    public String id() {
        return "theta";
    }

    @Override
    public int minLength(int period) {
        return 3;
    }

    @Override
    public ForecastModel fit(double[] y, int period) {
        if (y.length < minLength(period)) {
            throw new IllegalArgumentException("theta needs at least 3 values, got " + y.length);
        }
        boolean seasonal = period > 1 && y.length >= 2 * period && java.util.Arrays.stream(y).allMatch(v -> v > 0)
                && seasonalTest(y, period) && SeasonalIndices.multiplicative(y, period) != null;
        double lo = 0.1;
        double hi = 0.99;
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = sse(y, period, seasonal, a);
        double fb = sse(y, period, seasonal, b);
        for (int i = 0; i < 40; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = sse(y, period, seasonal, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = sse(y, period, seasonal, b);
            }
        }
        return new ThetaModel(period, seasonal, (lo + hi) / 2);
    }

    private static double sse(double[] y, int period, boolean seasonal, double alpha) {
        return Sse.of(new ThetaModel(period, seasonal, alpha).oneStepErrors(y), 1);
    }

    /** The 90% significance test of the lag-m autocorrelation used by {@code thetaf}. */
    static boolean seasonalTest(double[] y, int m) {
        int n = y.length;
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        if (c0 == 0) {
            return false;
        }
        double sumSq = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double ck = 0;
            for (int t = k; t < n; t++) {
                ck += (y[t] - mean) * (y[t - k] - mean);
            }
            double r = ck / c0;
            if (k < m) {
                sumSq += r * r;
            } else {
                rm = r;
            }
        }
        return Math.abs(rm) > 1.645 * Math.sqrt((1 + 2 * sumSq) / n);
    }
}
