package io.autogate.runtime.forecast;

/**
 * A seasonal ARIMA (p,d,q)(P,D,Q)m model with an optional constant on the differenced series
 * ({@code mean}: a mean when d + D = 0, a drift when d + D = 1). The AR, seasonal AR, MA and
 * seasonal MA polynomials and the differences are multiplied out into one recursion
 * {@code y_t = c + Σ a_k y_{t-k} + e_t + Σ b_k e_{t-k}}; residuals are conditional (errors before
 * the start are zero) and intervals come from the ψ-weights of that recursion.
 */
public record ArimaModel(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int period,
        double[] ar, double[] ma, double[] sar, double[] sma, double mean) implements ForecastModel {
    public ArimaModel {
        if (ar.length != p || ma.length != q || sar.length != seasonalP || sma.length != seasonalQ) {
            throw new IllegalArgumentException("ARIMA coefficients do not match the orders");
        }
        if ((seasonalP > 0 || seasonalQ > 0 || seasonalD > 0) && period < 2) {
            throw new IllegalArgumentException("a seasonal ARIMA needs a period of at least 2");
        }
    }

    /** The number of estimated coefficients (for information criteria). */
    public int parameterCount() {
        return p + q + seasonalP + seasonalQ + (mean != 0 ? 1 : 0);
    }

    @Override
    public int minLength() {
        return d + seasonalD * period + Math.max(p + seasonalP * period, q + seasonalQ * period) + 3;
    }

    /** The lag polynomial {@code a} of the expanded recursion (index 0 unused). */
    double[] arLags() {
        double[] stationary = multiply(ar, seasonalP == 0 ? new double[0] : spread(sar), -1);
        double[] poly = new double[stationary.length + 1];
        poly[0] = 1;
        for (int k = 1; k < poly.length; k++) {
            poly[k] = -stationary[k - 1];
        }
        for (int i = 0; i < d; i++) {
            poly = times(poly, new double[] {1, -1});
        }
        for (int i = 0; i < seasonalD; i++) {
            double[] diff = new double[period + 1];
            diff[0] = 1;
            diff[period] = -1;
            poly = times(poly, diff);
        }
        double[] lags = new double[poly.length];
        for (int k = 1; k < poly.length; k++) {
            lags[k] = -poly[k];
        }
        return lags;
    }

    /** The lag polynomial {@code b} of the expanded recursion (index 0 unused). */
    double[] maLags() {
        double[] full = multiply(ma, seasonalQ == 0 ? new double[0] : spread(sma), 1);
        double[] lags = new double[full.length + 1];
        System.arraycopy(full, 0, lags, 1, full.length);
        return lags;
    }

    private double constant() {
        double s = 1;
        for (double a : ar) {
            s -= a;
        }
        double ss = 1;
        for (double a : sar) {
            ss -= a;
        }
        return mean * s * ss;
    }

    /** Conditional one-step residuals; the first {@code len(a)-1} entries are {@code NaN}. */
    public double[] oneStepErrors(double[] y) {
        double[] a = arLags();
        double[] b = maLags();
        double c = constant();
        int start = a.length - 1;
        double[] e = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            if (t < start) {
                e[t] = Double.NaN;
                continue;
            }
            double fit = c;
            for (int k = 1; k < a.length; k++) {
                fit += a[k] * y[t - k];
            }
            for (int k = 1; k < b.length && t - k >= start; k++) {
                fit += b[k] * e[t - k];
            }
            e[t] = y[t] - fit;
            if (!Double.isFinite(e[t]) || Math.abs(e[t]) > 1e12) {
                java.util.Arrays.fill(e, t, y.length, Double.POSITIVE_INFINITY);
                return e;
            }
        }
        return e;
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        double[] a = arLags();
        double[] b = maLags();
        double c = constant();
        double[] e = oneStepErrors(y);
        int n = y.length;
        double sigma = Residuals.sigma(e, a.length - 1, parameterCount());
        double[] ext = java.util.Arrays.copyOf(y, n + horizon);
        double[] err = java.util.Arrays.copyOf(e, n + horizon);
        for (int t = 0; t < n + horizon; t++) {
            if (!Double.isFinite(err[t]) || t >= n) {
                err[t] = 0;
            }
        }
        double[] meanOut = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            int t = n + h;
            double fit = c;
            for (int k = 1; k < a.length; k++) {
                fit += a[k] * ext[t - k];
            }
            for (int k = 1; k < b.length; k++) {
                fit += b[k] * err[t - k];
            }
            ext[t] = fit;
            meanOut[h] = fit;
        }
        double[] psi = new double[horizon];
        double[] sd = new double[horizon];
        double cumulative = 0;
        for (int j = 0; j < horizon; j++) {
            double v = j == 0 ? 1 : j < b.length ? b[j] : 0;
            for (int k = 1; k <= j && k < a.length; k++) {
                v += a[k] * psi[j - k];
            }
            psi[j] = v;
            cumulative += v * v;
            sd[j] = sigma * Math.sqrt(cumulative);
        }
        return new PointForecast(meanOut, sd);
    }

    private double[] spread(double[] seasonal) {
        double[] full = new double[seasonal.length * period];
        for (int j = 0; j < seasonal.length; j++) {
            full[(j + 1) * period - 1] = seasonal[j];
        }
        return full;
    }

    /**
     * Coefficients (lag 1 first) of {@code (1 + s·x(B))(1 + s·y(B))} written as {@code 1 + s·z(B)}:
     * {@code z = x + y + s·x·y}. With {@code s = -1} this expands AR factors, with {@code +1} MA factors.
     */
    private static double[] multiply(double[] x, double[] y, int sign) {
        double[] z = new double[Math.max(x.length, y.length) + (x.length > 0 && y.length > 0 ? x.length : 0)];
        for (int i = 0; i < x.length; i++) {
            z[i] += x[i];
        }
        for (int j = 0; j < y.length; j++) {
            z[j] += y[j];
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                z[i + j + 1] += sign * x[i] * y[j];
            }
        }
        return z;
    }

    private static double[] times(double[] u, double[] v) {
        double[] w = new double[u.length + v.length - 1];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                w[i + j] += u[i] * v[j];
            }
        }
        return w;
    }

    @Override
    public String describe() {
        return "ARIMA(" + p + "," + d + "," + q + ")" + (period > 1 ? "(" + seasonalP + "," + seasonalD + "," + seasonalQ + ")"
                + period : "") + (mean != 0 ? (d + seasonalD == 0 ? " with mean" : " with drift") : "");
    }
}
