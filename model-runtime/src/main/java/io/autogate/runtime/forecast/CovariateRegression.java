package io.autogate.runtime.forecast;

/**
 * The regression part of an {@link ArimaxModel}: {@code intercept + Σ_j beta_j x_{j,t}}, where
 * regressor {@code j} reads covariate row {@code covariate[j]} of a series (the artifact's covariate
 * order, {@link RegularSeries#covariates()}): the encoded value itself when {@code category[j]} is
 * {@link #VALUE} (a number, or 1/0 for a boolean), else 1 when the value is that category index and
 * 0 otherwise (one indicator per category but the first). Immutable and thread-safe.
 */
public record CovariateRegression(double intercept, double[] beta, int[] covariate, int[] category) {
    /** The {@code category} of a regressor that is the covariate's value itself. */
    public static final int VALUE = -1;

    public CovariateRegression {
        if (beta.length != covariate.length || beta.length != category.length) {
            throw new IllegalArgumentException("one covariate row and category per regression coefficient are needed");
        }
    }

    /** A regressor's value for an encoded covariate value {@code v}: itself, or the indicator of {@code category}. */
    public static double regressor(double v, int category) {
        return category == VALUE ? v : v == category ? 1 : 0;
    }

    /**
     * The regression at step {@code t} of the covariate rows.
     *
     * @throws IllegalArgumentException when a covariate has no value there (a known covariate's
     *                                  future values must cover every forecast step)
     */
    public double at(double[][] rows, int t) {
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

    /** The series' values less the regression at each of their steps: what the ARIMA errors model. */
    public double[] residuals(RegularSeries series) {
        double[] y = series.values();
        double[] out = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            out[t] = y[t] - at(series.covariates(), t);
        }
        return out;
    }
}
