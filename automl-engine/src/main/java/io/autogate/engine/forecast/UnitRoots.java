package io.autogate.engine.forecast;

/**
 * How many differences a series needs (auto.arima's rules, FC {@code unitRoot.R}): the KPSS level
 * test at 5% (critical value 0.463, Bartlett lag ⌊3√n/13⌋) repeated up to two differences; one
 * seasonal difference when the seasonal strength of a classical additive decomposition exceeds 0.64.
 */
final class UnitRoots {
    private static final double KPSS_CRITICAL_5 = 0.463;

    private UnitRoots() {
    }

    static int differences(double[] y, int maxD) {
        double[] x = y;
        int d = 0;
        while (d < maxD && x.length > 10 && kpss(x) > KPSS_CRITICAL_5) {
            x = difference(x, 1);
            d++;
        }
        return d;
    }

    static int seasonalDifferences(double[] y, int m) {
        if (m < 2 || y.length < 2 * m + 2) {
            return 0;
        }
        return seasonalStrength(y, m) > 0.64 ? 1 : 0;
    }

    static double[] difference(double[] y, int lag) {
        double[] d = new double[Math.max(0, y.length - lag)];
        for (int t = lag; t < y.length; t++) {
            d[t - lag] = y[t] - y[t - lag];
        }
        return d;
    }

    static double kpss(double[] y) {
        int n = y.length;
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
            e[t] = y[t] - mean;
        }
        double s = 0;
        double eta = 0;
        for (int t = 0; t < n; t++) {
            s += e[t];
            eta += s * s;
        }
        eta /= (double) n * n;
        int lags = (int) Math.floor(3 * Math.sqrt(n) / 13);
        double variance = 0;
        for (double v : e) {
            variance += v * v;
        }
        variance /= n;
        for (int k = 1; k <= lags; k++) {
            double c = 0;
            for (int t = k; t < n; t++) {
                c += e[t] * e[t - k];
            }
            variance += 2 * (1 - k / (lags + 1.0)) * c / n;
        }
        return variance <= 0 ? 0 : eta / variance;
    }

    /** max(0, 1 − Var(remainder) / Var(season + remainder)) of a classical additive decomposition. */
    static double seasonalStrength(double[] y, int m) {
        int n = y.length;
        int half = m / 2;
        double[] detrended = new double[n];
        boolean[] has = new boolean[n];
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = half; t < n - half; t++) {
            double s = 0;
            if (m % 2 == 0) {
                s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int k = t - half + 1; k < t + half; k++) {
                    s += y[k];
                }
            } else {
                for (int k = t - half; k <= t + half; k++) {
                    s += y[k];
                }
            }
            detrended[t] = y[t] - s / m;
            has[t] = true;
            sum[t % m] += detrended[t];
            count[t % m]++;
        }
        double[] season = new double[m];
        double norm = 0;
        for (int j = 0; j < m; j++) {
            season[j] = count[j] == 0 ? 0 : sum[j] / count[j];
            norm += season[j] / m;
        }
        double[] rem = new double[n];
        double[] sr = new double[n];
        int c = 0;
        for (int t = 0; t < n; t++) {
            if (has[t]) {
                sr[c] = detrended[t];
                rem[c] = detrended[t] - (season[t % m] - norm);
                c++;
            }
        }
        double vr = variance(rem, c);
        double vsr = variance(sr, c);
        return vsr <= 0 ? 0 : Math.max(0, 1 - vr / vsr);
    }

    private static double variance(double[] x, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i] / n;
        }
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += (x[i] - mean) * (x[i] - mean);
        }
        return n < 2 ? 0 : v / (n - 1);
    }
}
