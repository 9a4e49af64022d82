package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One family on one series: its forecast at each backtest origin ({@code null} where the
 * training part was too short for the family) and the model fitted on the whole series.
 */
public record MemberFit(PointForecast[] windows, ForecastModel model) {
    /**
     * The work of one (family, series) pair: fit on the series up to each origin, oldest first (the
     * later windows by {@link ForecastFamily#refit} from the window before), and forecast
     * {@code horizon} steps (known covariates keep their values after the origin, past-only ones
     * are cut there, as {@link RegularSeries#head} does), then fit on all of it.
     *
     * @param covariates the data's covariates, in the order of the series' rows
     */
    static Callable<MemberFit> task(ForecastFamily family, RegularSeries series, int period, Frequency frequency,
            int horizon, int[] origins, List<Covariate> covariates) {
        List<CovariateRole> roles = covariates.stream().map(Covariate::role).toList();
        return () -> {
            PointForecast[] windows = new PointForecast[origins.length];
            ForecastModel earlier = null;
            for (int w = 0; w < origins.length; w++) {
                if (origins[w] >= family.minLength(period)) {
                    RegularSeries train = series.head(origins[w], roles);
                    earlier = earlier == null ? family.fit(train, period, covariates)
                            : family.refit(earlier, train, period, covariates);
                    windows[w] = earlier.forecast(train, frequency, horizon);
                }
            }
            ForecastModel model = family.fit(series, period, covariates);
            return new MemberFit(windows, model);
        };
    }
}
