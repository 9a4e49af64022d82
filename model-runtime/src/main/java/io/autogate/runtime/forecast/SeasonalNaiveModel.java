package io.autogate.runtime.forecast;

/** The value one season back; spread grows with the square root of the number of seasons ahead. */
public record SeasonalNaiveModel(int period) implements ForecastModel {
    public SeasonalNaiveModel {
        if (period < 1) {
            throw new IllegalArgumentException("seasonal period must be at least 1");
        }
    }

    @Override
    public int minLength() {
        return period + 1;
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        int n = y.length;
        double[] e = new double[n];
        for (int t = period; t < n; t++) {
            e[t] = y[t] - y[t - period];
        }
        double sigma = Residuals.sigma(e, period, 0);
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            mean[h - 1] = y[n - period + (h - 1) % period];
            sd[h - 1] = sigma * Math.sqrt((h - 1) / period + 1);
        }
        return new PointForecast(mean, sd);
    }

    @Override
    public String describe() {
        return "seasonal naive m=" + period;
    }
}
