package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.PointForecast;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * One family on one series: its forecast at each backtest origin ({@code null} where the
 * training part was too short for the family) and the model fitted on the whole series.
 */
public record MemberFit(PointForecast[] windows, ForecastModel model) {
    /**
     * The work of one (family, series) pair: fit on {@code y[0, origin)} for each origin and
     * forecast {@code horizon} steps, then fit on all of {@code y}.
     */
    static Callable<MemberFit> task(ForecastFamily family, double[] y, int period, int horizon, int[] origins) {
        return () -> {
            PointForecast[] windows = new PointForecast[origins.length];
            for (int w = 0; w < origins.length; w++) {
                if (origins[w] >= family.minLength(period)) {
                    double[] train = Arrays.copyOf(y, origins[w]);
                    windows[w] = family.fit(train, period).forecast(train, horizon);
                }
            }
            ForecastModel model = family.fit(y, period);
            return new MemberFit(windows, model);
        };
    }
}
