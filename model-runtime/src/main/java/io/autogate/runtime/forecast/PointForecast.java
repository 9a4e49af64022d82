package io.autogate.runtime.forecast;

/**
 * A forecast of {@code mean.length} steps with the standard deviation of each step's error;
 * intervals are Gaussian: {@code mean ± z * sigma}.
 */
public record PointForecast(double[] mean, double[] sigma) {
    /** z of a central interval: 1.2816 for 0.80, 1.9600 for 0.95. */
    public static double z(double level) {
        if (level == 0.80) {
            return 1.2815515655446004;
        }
        if (level == 0.95) {
            return 1.959963984540054;
        }
        throw new IllegalArgumentException("interval level " + level + " is not 0.80 or 0.95");
    }

    /** Lower bound of the central interval at {@code level} for step {@code i}. */
    public double lower(int i, double level) {
        return mean[i] - z(level) * sigma[i];
    }

    /** Upper bound of the central interval at {@code level} for step {@code i}. */
    public double upper(int i, double level) {
        return mean[i] + z(level) * sigma[i];
    }

    /** The number of steps. */
    public int horizon() {
        return mean.length;
    }
}
