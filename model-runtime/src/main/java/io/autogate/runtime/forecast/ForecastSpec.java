package io.autogate.runtime.forecast;

import java.util.List;
import java.util.Map;

/**
 * The forecasting section of a manifest: the column names, the time axis, the default horizon,
 * the seasonal period, every series with its members, the backtest figures per family (MASE,
 * sMAPE, RMSE, 80%/95% coverage), the out-of-time check, and the log of excluded members.
 */
public record ForecastSpec(
        String timeColumn,
        String seriesColumn,
        String target,
        Frequency frequency,
        TimeFormat timeFormat,
        int horizon,
        int seasonalPeriod,
        List<SeriesSpec> series,
        Map<String, Map<String, Double>> backtest,
        Map<String, Double> outOfTime,
        List<String> log) {
    public ForecastSpec {
        series = List.copyOf(series);
        backtest = backtest == null ? Map.of() : Map.copyOf(backtest);
        outOfTime = outOfTime == null ? Map.of() : Map.copyOf(outOfTime);
        log = log == null ? List.of() : List.copyOf(log);
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1");
        }
    }
}
