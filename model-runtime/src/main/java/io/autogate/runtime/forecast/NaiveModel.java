package io.autogate.runtime.forecast;

/** The last value, repeated; spread grows with √h (a random walk). */
public record NaiveModel() implements ForecastModel {
    @Override
    public int minLength() {
        return 2;
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        double[] e = new double[y.length];
        for (int t = 1; t < y.length; t++) {
            e[t] = y[t] - y[t - 1];
        }
        return Residuals.flat(y[y.length - 1], Residuals.sigma(e, 1, 0), Math::sqrt, horizon);
    }

    @Override
    public String describe() {
        return "naive";
    }
}
