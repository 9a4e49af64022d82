package io.autogate.runtime.forecast;

/** The spread of one-step errors that the families' intervals start from. */
final class Residuals {
    private Residuals() {
    }

    /** Root mean square of the finite errors from index {@code from}, with {@code params} degrees of freedom used. */
    static double sigma(double[] errors, int from, int params) {
        double ss = 0;
        int count = 0;
        for (int i = from; i < errors.length; i++) {
            if (Double.isFinite(errors[i])) {
                ss += errors[i] * errors[i];
                count++;
            }
        }
        int dof = Math.max(1, count - params);
        return count == 0 ? 0 : Math.sqrt(ss / dof);
    }

    /** A forecast of one repeated value per step with {@code sigma * factor[h]} spread. */
    static PointForecast flat(double value, double sigma, java.util.function.IntToDoubleFunction factor, int horizon) {
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = value;
            sd[h] = sigma * factor.applyAsDouble(h + 1);
        }
        return new PointForecast(mean, sd);
    }
}
