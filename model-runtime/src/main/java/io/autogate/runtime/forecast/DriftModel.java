package io.autogate.runtime.forecast;

/** The last value plus the average step of the history (a random walk with drift). */
public record DriftModel() implements ForecastModel {
    @Override
    public int minLength() {
        return 3;
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        int n = y.length;
        double slope = (y[n - 1] - y[0]) / (n - 1);
        double[] e = new double[n];
        for (int t = 1; t < n; t++) {
            e[t] = y[t] - y[t - 1] - slope;
        }
        double sigma = Residuals.sigma(e, 1, 1);
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            mean[h - 1] = y[n - 1] + h * slope;
            sd[h - 1] = sigma * Math.sqrt(h * (1.0 + h / (double) (n - 1)));
        }
        return new PointForecast(mean, sd);
    }

    @Override
    public String describe() {
        return "drift";
    }
}
