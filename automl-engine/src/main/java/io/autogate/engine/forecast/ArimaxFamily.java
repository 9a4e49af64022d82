package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ArimaxModel;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRegression;
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
 * category but the first; a number's square was tried and left out: no better on the benchmark's
 * validation window, and it extrapolates wildly outside the training range), then {@link ArimaFamily}'s automatic ARIMA on the residuals. A
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
        CovariateRegression regression = regression(series, covariates);
        return new ArimaxModel(arima.fit(regression.residuals(series), period), regression);
    }

    /** Re-estimates the regression and keeps {@code earlier}'s ARIMA order for the residuals ({@link ArimaFamily#refit}). */
    @Override
    public ForecastModel refit(ForecastModel earlier, RegularSeries series, int period, List<Covariate> covariates) {
        if (!(earlier instanceof ArimaxModel e)) {
            return fit(series, period, covariates);
        }
        CovariateRegression regression = regression(series, covariates);
        return new ArimaxModel(arima.refit(e.errors(), regression.residuals(series), period), regression);
    }

    /** Least squares of the values on an intercept and the varying known regressors. */
    private static CovariateRegression regression(RegularSeries series, List<Covariate> covariates) {
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
                columns.add(new int[] {c, CovariateRegression.VALUE});
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
        return new CovariateRegression(coefficients[0], Arrays.copyOfRange(coefficients, 1, m + 1), covariate, category);
    }

    private static double value(double[][] rows, int covariate, int category, int t) {
        return CovariateRegression.regressor(rows[covariate][t], category);
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
     * Intercept and coefficients minimising the squared error. The regressors are standardised
     * first (so the ridge does not bias an intercept far from zero, and scales do not matter), the normal
     * equations of the standardised ones get a tiny ridge and are solved by Cholesky (a handful of
     * regressors; Smile's solvers need native LAPACK), and the coefficients are mapped back.
     */
    private static double[] leastSquares(double[][] rows, int[] covariate, int[] category, double[] y) {
        int m = covariate.length;
        int n = y.length;
        double[][] x = new double[m][n];
        double[] mean = new double[m];
        double[] scale = new double[m];
        for (int j = 0; j < m; j++) {
            for (int t = 0; t < n; t++) {
                x[j][t] = value(rows, covariate[j], category[j], t);
                mean[j] += x[j][t] / n;
            }
            for (int t = 0; t < n; t++) {
                scale[j] += (x[j][t] - mean[j]) * (x[j][t] - mean[j]) / n;
            }
            scale[j] = Math.sqrt(scale[j]);
            for (int t = 0; t < n; t++) {
                x[j][t] = (x[j][t] - mean[j]) / scale[j];
            }
        }
        double yMean = Arrays.stream(y).average().orElse(0);
        double[][] xtx = new double[m][m];
        double[] xty = new double[m];
        for (int a = 0; a < m; a++) {
            for (int t = 0; t < n; t++) {
                xty[a] += x[a][t] * (y[t] - yMean);
            }
            for (int b = 0; b <= a; b++) {
                for (int t = 0; t < n; t++) {
                    xtx[a][b] += x[a][t] * x[b][t];
                }
            }
            xtx[a][a] += RIDGE * n;
        }
        double[] gamma = choleskySolve(xtx, xty);
        double[] coefficients = new double[m + 1];
        coefficients[0] = yMean;
        for (int j = 0; j < m; j++) {
            coefficients[j + 1] = gamma[j] / scale[j];
            coefficients[0] -= coefficients[j + 1] * mean[j];
        }
        return coefficients;
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} given by its lower triangle. */
    private static double[] choleskySolve(double[][] a, double[] b) {
        int k = b.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int c = 0; c < j; c++) {
                    sum -= l[i][c] * l[j][c];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, Double.MIN_NORMAL)) : sum / l[j][j];
            }
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = b[i];
            for (int c = 0; c < i; c++) {
                sum -= l[i][c] * z[c];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double sum = z[i];
            for (int c = i + 1; c < k; c++) {
                sum -= l[c][i] * x[c];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
