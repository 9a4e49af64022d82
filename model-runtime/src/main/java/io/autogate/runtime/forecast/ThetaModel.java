package io.autogate.runtime.forecast;

/**
 * The Theta method as simple exponential smoothing with drift (Hyndman and Billah 2003, R
 * {@code thetaf}): optionally deseasonalised by {@link SeasonalIndices}, SES with {@code alpha},
 * plus half the slope of a least-squares line times {@code h - 1 + (1 - (1-alpha)^n) / alpha},
 * reseasonalised. A seasonal model whose history cannot be decomposed forecasts without season.
 */
public record ThetaModel(int period, boolean seasonal, double alpha) implements ForecastModel {
    @Override
    public int minLength() {
        return seasonal ? 2 * period : 3;
    }

    /** One-step SES errors on the (deseasonalised) history. */
    public double[] oneStepErrors(double[] y) {
        return smooth(adjust(y, indices(y))).errors;
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        double[] idx = indices(y);
        double[] x = adjust(y, idx);
        Smoothed ses = smooth(x);
        int n = x.length;
        double slope = slope(x);
        double sigma = Residuals.sigma(ses.errors, 0, 2);
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        double tail = (1 - Math.pow(1 - alpha, n)) / alpha;
        for (int h = 1; h <= horizon; h++) {
            double s = idx == null ? 1 : idx[(n + h - 1) % period];
            mean[h - 1] = (ses.level + slope / 2 * (h - 1 + tail)) * s;
            sd[h - 1] = sigma * Math.sqrt(1 + (h - 1) * alpha * alpha) * s;
        }
        return new PointForecast(mean, sd);
    }

    private double[] indices(double[] y) {
        return seasonal ? SeasonalIndices.multiplicative(y, period) : null;
    }

    private static double[] adjust(double[] y, double[] idx) {
        if (idx == null) {
            return y;
        }
        double[] x = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            x[t] = y[t] / idx[t % idx.length];
        }
        return x;
    }

    private record Smoothed(double[] errors, double level) {
    }

    private Smoothed smooth(double[] x) {
        double l = x[0];
        double[] e = new double[x.length];
        for (int t = 1; t < x.length; t++) {
            e[t] = x[t] - l;
            l += alpha * e[t];
        }
        return new Smoothed(e, l);
    }

    private static double slope(double[] x) {
        int n = x.length;
        double tm = (n - 1) / 2.0;
        double xm = java.util.Arrays.stream(x).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += (t - tm) * (x[t] - xm);
            den += (t - tm) * (t - tm);
        }
        return den == 0 ? 0 : num / den;
    }

    @Override
    public String describe() {
        return "Theta" + (seasonal ? " m=" + period : "") + String.format(java.util.Locale.ROOT, " alpha=%.3f", alpha);
    }
}
