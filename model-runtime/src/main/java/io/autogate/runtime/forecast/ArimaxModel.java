package io.autogate.runtime.forecast;

/**
 * A regression on the known-in-advance covariates with ARIMA errors:
 * {@code y_t = intercept + Σ_j beta_j x_{j,t} + η_t}, where {@code η} follows {@code errors}. Each
 * regressor {@code j} reads covariate row {@code covariate[j]} of the series (the artifact's
 * covariate order, {@link RegularSeries#covariates()}): the encoded value itself when
 * {@code category[j]} is {@link #VALUE} (a number, or 1/0 for a boolean), else 1 when the value is
 * that category index and 0 otherwise (one indicator per category but the first). A forecast takes
 * the regression at the forecast steps from the known covariates' future values and adds the
 * errors' ARIMA forecast of the history's residuals; the intervals are those of the errors
 * (the coefficients are taken as known).
 */
public record ArimaxModel(ArimaModel errors, double intercept, double[] beta, int[] covariate, int[] category)
        implements ForecastModel {
    /** The {@code category} of a regressor that is the covariate's value itself. */
    public static final int VALUE = -1;

    public ArimaxModel {
        if (beta.length != covariate.length || beta.length != category.length) {
            throw new IllegalArgumentException("one covariate row and category per regression coefficient are needed");
        }
    }

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
        double[] y = history.values();
        int n = y.length;
        double[] residuals = new double[n];
        for (int t = 0; t < n; t++) {
            residuals[t] = y[t] - regression(history.covariates(), t);
        }
        PointForecast e = errors.forecast(residuals, horizon);
        double[] mean = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = e.mean()[h] + regression(history.covariates(), n + h);
        }
        return new PointForecast(mean, e.sigma());
    }

    /**
     * The regression part at step {@code t} of the covariate rows.
     *
     * @throws IllegalArgumentException when a covariate has no value there (a known covariate's
     *                                  future values must cover every forecast step)
     */
    private double regression(double[][] rows, int t) {
        double sum = intercept;
        for (int j = 0; j < beta.length; j++) {
            double[] row = rows.length > covariate[j] ? rows[covariate[j]] : new double[0];
            double v = t < row.length ? row[t] : Double.NaN;
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("covariate row " + covariate[j] + " has no value at step " + t);
            }
            sum += beta[j] * regressor(v, category[j]);
        }
        return sum;
    }

    /** A regressor's value for an encoded covariate value {@code v}: itself, or the indicator of {@code category}. */
    public static double regressor(double v, int category) {
        return category == VALUE ? v : v == category ? 1 : 0;
    }

    @Override
    public String describe() {
        return errors.describe().replaceFirst("^ARIMA", "ARIMAX") + " with " + beta.length + " regressor"
                + (beta.length == 1 ? "" : "s");
    }
}
