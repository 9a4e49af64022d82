package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ForecastModel;

/**
 * A forecasting family: fits one model to one series. A fit may throw; the caller excludes the
 * member and logs why. Fits check their thread's interrupt flag so a time slot can stop them.
 */
public interface ForecastFamily {
    /** The family's name on the command line and in the artifact. */
    String id();

    /** The shortest series this family fits, for a seasonal period. */
    int minLength(int period);

    /** Fits the family to {@code y} (regular, no missing values) with seasonal period {@code period}. */
    ForecastModel fit(double[] y, int period);
}
