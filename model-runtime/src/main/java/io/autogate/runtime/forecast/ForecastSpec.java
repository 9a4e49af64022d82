package io.autogate.runtime.forecast;

import java.util.List;
import java.util.Map;

/**
 * The forecasting section of a manifest: the column names, the time axis, the default horizon,
 * the seasonal period, every series with its members, the backtest figures per family (MASE,
 * sMAPE, RMSE, 80%/95% coverage), the out-of-time check, the log of excluded members, and the
 * global members: models fitted across all series (stored once here, not per series) that take
 * part in every series' ensemble with their weight, and the covariates (known in advance or
 * past-only, with their encodings; none in manifests written before covariates existed). The
 * global GBM member reads covariates, {@link ArimaxModel} members the known ones; the other
 * per-series families ignore them.
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
        List<String> log,
        List<ForecastMember> globalMembers,
        List<Covariate> covariates) {
    public ForecastSpec {
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        globalMembers = globalMembers == null ? List.of() : List.copyOf(globalMembers);
        series = List.copyOf(series);
        backtest = backtest == null ? Map.of() : Map.copyOf(backtest);
        outOfTime = outOfTime == null ? Map.of() : Map.copyOf(outOfTime);
        log = log == null ? List.of() : List.copyOf(log);
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1");
        }
        if (globalMembers.isEmpty()) {
            for (SeriesSpec s : series) {
                if (s.members().isEmpty()) {
                    throw new IllegalArgumentException("series " + s.id() + " has no forecasting member");
                }
            }
        }
    }

    /** A section without covariates. */
    public ForecastSpec(String timeColumn, String seriesColumn, String target, Frequency frequency, TimeFormat timeFormat,
            int horizon, int seasonalPeriod, List<SeriesSpec> series, Map<String, Map<String, Double>> backtest,
            Map<String, Double> outOfTime, List<String> log, List<ForecastMember> globalMembers) {
        this(timeColumn, seriesColumn, target, frequency, timeFormat, horizon, seasonalPeriod, series, backtest, outOfTime, log,
                globalMembers, List.of());
    }

    /** The covariates known in advance (their future values are needed to forecast). */
    public List<Covariate> knownCovariates() {
        return covariates.stream().filter(c -> c.role() == CovariateRole.KNOWN).toList();
    }

    /** A section without global members. */
    public ForecastSpec(String timeColumn, String seriesColumn, String target, Frequency frequency, TimeFormat timeFormat,
            int horizon, int seasonalPeriod, List<SeriesSpec> series, Map<String, Map<String, Double>> backtest,
            Map<String, Double> outOfTime, List<String> log) {
        this(timeColumn, seriesColumn, target, frequency, timeFormat, horizon, seasonalPeriod, series, backtest, outOfTime, log,
                List.of());
    }
}
