package io.autogate.engine.space;

/** The standard normal distribution's log density and cumulative distribution function. */
final class NormalDistribution {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private NormalDistribution() {
    }

    /** Log of the standard normal density at {@code z}. */
    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** The standard normal CDF at {@code z} (fractional error below 1.2e-7). */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** Complementary error function, Chebyshev fit (Numerical Recipes {@code erfcc}). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
