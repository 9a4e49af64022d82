package io.autogate.runtime.forecast;

/**
 * A regression on the known-in-advance covariates with ARIMA errors:
 * {@code y_t = regression_t + η_t}, where {@code η} follows {@code errors}. A forecast takes the
 * regression at the forecast steps from the known covariates' future values and adds the errors'
 * ARIMA forecast of the history's residuals; the intervals are those of the errors (the
 * coefficients are taken as known).
 */
public record ArimaxModel(ArimaModel errors, CovariateRegression regression) implements ForecastModel {
    @Override
    public int minLength() {
        return errors.minLength();
    }

    /** Without covariates there is no regression to apply: use {@link #forecast(RegularSeries, Frequency, int)}. */
    @Override
    public PointForecast forecast(double[] history, int horizon) {
        throw new IllegalStateException("an ARIMAX model forecasts from a series with its covariates");
    }

    @Override
    public PointForecast forecast(RegularSeries history, Frequency frequency, int horizon) {
        int n = history.values().length;
        PointForecast e = errors.forecast(regression.residuals(history), horizon);
        double[] mean = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = e.mean()[h] + regression.at(history.covariates(), n + h);
        }
        return new PointForecast(mean, e.sigma());
    }

    @Override
    public String describe() {
        int regressors = regression.beta().length;
        return errors.describe().replaceFirst("^ARIMA", "ARIMAX") + " with " + regressors + " regressor"
                + (regressors == 1 ? "" : "s");
    }
}
