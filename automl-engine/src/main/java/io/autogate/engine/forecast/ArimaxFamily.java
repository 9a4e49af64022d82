package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ArimaModel;
import io.autogate.runtime.forecast.ArimaxModel;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Regression with ARIMA errors on the known-in-advance covariates, per series (auto.arima's
 * {@code xreg}, estimated in two steps): least squares of the values on an intercept and the
 * regressors (a number or a 0/1 boolean as it is, a categorical covariate as one indicator per
 * category but the first), then {@link ArimaFamily}'s automatic ARIMA on the residuals. A
 * regressor that is constant over the series is left out; a small ridge term keeps collinear
 * regressors solvable. Past-only covariates are not read (their future is unknown). The trainer
 * fits it only when the data has known covariates.
 */
final class ArimaxFamily implements ForecastFamily {
    /** The family's id. */
    static final String ID = "arimax";
    private static final double RIDGE = 1e-8;

    private final ArimaFamily arima = new ArimaFamily();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int minLength(int period) {
        return arima.minLength(period);
    }

    @Override
    public boolean readsKnownCovariates() {
        return true;
    }

    @Override
    public ForecastModel fit(double[] y, int period) {
        throw new IllegalArgumentException("arimax regresses on known covariates, and this series has none");
    }

    @Override
    public ForecastModel fit(RegularSeries series, int period, List<Covariate> covariates) {
        double[] y = series.values();
        int n = y.length;
        List<int[]> columns = new ArrayList<>();
        for (int c = 0; c < covariates.size(); c++) {
            Covariate cov = covariates.get(c);
            if (cov.role() != CovariateRole.KNOWN) {
                continue;
            }
            if (cov.type() == ColumnType.CATEGORICAL) {
                for (int k = 1; k < cov.categories().size(); k++) {
                    columns.add(new int[] {c, k});
                }
            } else {
                columns.add(new int[] {c, -1});
            }
        }
        List<int[]> varying = columns.stream().filter(col -> !constant(series.covariates(), col, n)).toList();
        if (varying.isEmpty()) {
            throw new IllegalArgumentException("arimax: no known covariate varies over this series");
        }
        int m = varying.size();
        int[] covariate = new int[m];
        int[] category = new int[m];
        for (int j = 0; j < m; j++) {
            covariate[j] = varying.get(j)[0];
            category[j] = varying.get(j)[1];
        }
        double[] coefficients = leastSquares(series.covariates(), covariate, category, y);
        double[] residuals = new double[n];
        for (int t = 0; t < n; t++) {
            residuals[t] = y[t] - coefficients[0];
            for (int j = 0; j < m; j++) {
                residuals[t] -= coefficients[j + 1] * value(series.covariates(), covariate[j], category[j], t);
            }
        }
        ArimaModel errors = arima.fit(residuals, period);
        return new ArimaxModel(errors, coefficients[0], Arrays.copyOfRange(coefficients, 1, m + 1), covariate, category);
    }

    private static double value(double[][] rows, int covariate, int category, int t) {
        return ArimaxModel.regressor(rows[covariate][t], category);
    }

    private static boolean constant(double[][] rows, int[] column, int n) {
        double first = value(rows, column[0], column[1], 0);
        for (int t = 1; t < n; t++) {
            if (value(rows, column[0], column[1], t) != first) {
                return false;
            }
        }
        return true;
    }

    /**
     * Intercept and coefficients minimising the squared error: the normal equations with a tiny
     * ridge, solved by Cholesky (a handful of regressors; Smile's solvers need native LAPACK).
     */
    private static double[] leastSquares(double[][] rows, int[] covariate, int[] category, double[] y) {
        int k = covariate.length + 1;
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        double[] x = new double[k];
        for (int t = 0; t < y.length; t++) {
            x[0] = 1;
            for (int j = 1; j < k; j++) {
                x[j] = value(rows, covariate[j - 1], category[j - 1], t);
            }
            for (int a = 0; a < k; a++) {
                xty[a] += x[a] * y[t];
                for (int b = 0; b <= a; b++) {
                    xtx[a][b] += x[a] * x[b];
                }
            }
        }
        double scale = 0;
        for (int a = 0; a < k; a++) {
            scale = Math.max(scale, xtx[a][a]);
        }
        for (int a = 0; a < k; a++) {
            xtx[a][a] += RIDGE * scale;
        }
        double[][] l = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = xtx[a][b];
                for (int c = 0; c < b; c++) {
                    sum -= l[a][c] * l[b][c];
                }
                l[a][b] = a == b ? Math.sqrt(Math.max(sum, Double.MIN_NORMAL)) : sum / l[b][b];
            }
        }
        double[] z = new double[k];
        for (int a = 0; a < k; a++) {
            double sum = xty[a];
            for (int c = 0; c < a; c++) {
                sum -= l[a][c] * z[c];
            }
            z[a] = sum / l[a][a];
        }
        double[] coefficients = new double[k];
        for (int a = k - 1; a >= 0; a--) {
            double sum = z[a];
            for (int c = a + 1; c < k; c++) {
                sum -= l[c][a] * coefficients[c];
            }
            coefficients[a] = sum / l[a][a];
        }
        return coefficients;
    }
}
