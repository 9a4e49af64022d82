package io.autogate.runtime.forecast;

/**
 * Exponential smoothing with additive errors (Holt-Winters): trend none or additive, optionally
 * damped by {@code phi}; season none, additive or multiplicative with period {@code period}.
 * Initial states come from the first two seasons of the history (or its first values), then the
 * smoothing recursions run over the whole history. Intervals use the linear model's variance
 * {@code sigma²(1 + Σ c_j²)} with {@code c_j = alpha + beta·(phi+…+phi^j) + gamma·[j ≡ 0 mod m]},
 * scaled by the seasonal index for a multiplicative season.
 */
public record EtsModel(Trend trend, boolean damped, Season season, int period, double alpha, double beta,
        double gamma, double phi) implements ForecastModel {
    /** Trend component. */
    public enum Trend { N, A }

    /** Seasonal component. */
    public enum Season { N, A, M }

    public EtsModel {
        if (season != Season.N && period < 2) {
            throw new IllegalArgumentException("a seasonal ETS model needs a period of at least 2");
        }
        if (trend == Trend.N && damped) {
            throw new IllegalArgumentException("damping needs a trend");
        }
    }

    /** The number of parameters (smoothing parameters plus initial states) for information criteria. */
    public int parameterCount() {
        int k = 1 + 1;
        if (trend == Trend.A) {
            k += 2 + (damped ? 1 : 0);
        }
        if (season != Season.N) {
            k += 1 + period - 1;
        }
        return k;
    }

    @Override
    public int minLength() {
        return season == Season.N ? 4 : 2 * period + 2;
    }

    /**
     * One-step in-sample errors over the history; infinite entries mean the model broke down (a
     * non-positive level or seasonal index under a multiplicative season), and its forecast is then
     * {@code NaN}, which the ensemble skips.
     */
    public double[] oneStepErrors(double[] y) {
        return run(y).errors;
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        Filtered f = run(y);
        double sigma = Residuals.sigma(f.errors, 0, parameterCount());
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        double phiSum = 0;
        double phiPow = 1;
        double variance = 1;
        for (int h = 1; h <= horizon; h++) {
            phiPow *= effectivePhi();
            phiSum += phiPow;
            double b = trend == Trend.A ? f.b : 0;
            double base = f.l + phiSum * b;
            double s = f.s[(y.length + h - 1) % f.s.length];
            mean[h - 1] = season == Season.M ? base * s : base + (season == Season.A ? s : 0);
            sd[h - 1] = sigma * Math.sqrt(variance) * (season == Season.M ? s : 1);
            double c = alpha + (trend == Trend.A ? beta * phiSum : 0) + (season != Season.N && h % period == 0 ? gamma : 0);
            variance += c * c;
        }
        return new PointForecast(mean, sd);
    }

    private double effectivePhi() {
        return damped ? phi : 1;
    }

    private record Filtered(double[] errors, double l, double b, double[] s) {
    }

    private Filtered run(double[] y) {
        int n = y.length;
        int m = season == Season.N ? 1 : period;
        double[] s = new double[m];
        double l;
        double b;
        if (season == Season.N) {
            s[0] = 0;
            l = y[0];
            int k = Math.min(5, Math.max(1, n / 2));
            b = trend == Trend.A && n > 1 ? (mean(y, k, Math.min(n, 2 * k)) - mean(y, 0, k)) / k : 0;
            l -= b;
        } else {
            double c0 = mean(y, 0, m);
            double c1 = mean(y, m, 2 * m);
            b = trend == Trend.A ? (c1 - c0) / m : 0;
            double norm = 0;
            for (int j = 0; j < m; j++) {
                double level0 = c0 + b * (j - (m - 1) / 2.0);
                double level1 = c1 + b * (j - (m - 1) / 2.0);
                s[j] = season == Season.M ? (y[j] / level0 + y[m + j] / level1) / 2 : (y[j] - level0 + y[m + j] - level1) / 2;
                norm += s[j];
            }
            norm /= m;
            for (int j = 0; j < m; j++) {
                s[j] = season == Season.M ? s[j] / norm : s[j] - norm;
            }
            l = c0 - b * (m + 1) / 2.0;
        }
        double phiUsed = effectivePhi();
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
            int j = t % m;
            double base = l + phiUsed * b;
            double yhat = season == Season.M ? base * s[j] : base + s[j];
            if (!Double.isFinite(yhat) || season == Season.M && (base <= 0 || s[j] <= 0)) {
                java.util.Arrays.fill(e, t, n, Double.POSITIVE_INFINITY);
                return new Filtered(e, Double.NaN, b, s);
            }
            double err = y[t] - yhat;
            e[t] = err;
            if (season == Season.M) {
                l = base + alpha * err / s[j];
                b = phiUsed * b + beta * err / s[j];
                s[j] = s[j] + gamma * err / base;
            } else {
                l = base + alpha * err;
                b = phiUsed * b + beta * err;
                s[j] = s[j] + gamma * err;
            }
            if (trend == Trend.N) {
                b = 0;
            }
        }
        return new Filtered(e, l, b, s);
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }

    @Override
    public String describe() {
        return "ETS(A," + trend + (damped ? "d" : "") + "," + season + ")" + (season == Season.N ? "" : " m=" + period);
    }
}
