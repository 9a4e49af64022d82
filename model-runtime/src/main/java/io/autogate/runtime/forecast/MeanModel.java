package io.autogate.runtime.forecast;

/** The mean of the history; spread is the history's standard deviation times √(1 + 1/n). */
public record MeanModel() implements ForecastModel {
    @Override
    public int minLength() {
        return 2;
    }

    @Override
    public PointForecast forecast(double[] y, int horizon) {
        int n = y.length;
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
            e[t] = y[t] - mean;
        }
        double sigma = Residuals.sigma(e, 0, 1);
        return Residuals.flat(mean, sigma, h -> Math.sqrt(1 + 1.0 / n), horizon);
    }

    @Override
    public String describe() {
        return "mean";
    }
}
