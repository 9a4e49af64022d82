package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.RegularSeries;
import java.util.List;

/**
 * A forecasting family fitted once across all series (a global model), unlike
 * {@link ForecastFamily}, which fits each series alone. A fit may throw; the trainer excludes
 * the family and logs why. Fits check their thread's interrupt flag so a time slot can stop them.
 */
public interface GlobalForecastFamily {
    /** The family's name on the command line and in the artifact. */
    String id();

    /**
     * Fits on every series: at each series' backtest origins (as {@link MemberFit#task} does per
     * series, so windows line up with the other families) and on the whole series.
     *
     * @param origins per series, its backtest origins (oldest first; possibly none)
     * @param seed    the seed of every random choice of the fit
     * @param threads threads the fit may use
     */
    default GlobalFit fit(List<RegularSeries> series, int[][] origins, Frequency frequency, int horizon, long seed, int threads) {
        return fit(series, origins, frequency, horizon, List.of(), seed, threads);
    }

    /**
     * Fits as {@link #fit(List, int[][], Frequency, int, long, int)} on series carrying the rows of
     * these covariates ({@link RegularSeries#covariates()}); a family that does not use them ignores them.
     */
    GlobalFit fit(List<RegularSeries> series, int[][] origins, Frequency frequency, int horizon, List<Covariate> covariates,
            long seed, int threads);
}
