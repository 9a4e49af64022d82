package io.autogate.gateway.api;

import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.SeriesSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The forecasting section of a model as {@code GET /v1/models/{name}} shows it: columns, time
 * axis, default horizon, the series ids (at most {@value #MAX_SERIES_IDS}), the backtest scores
 * per family, the out-of-time check and the covariates (name, role {@code known}/{@code past},
 * type, categories: what a forecast request must send), without the stored histories and fitted
 * parameters. A training job's forecast result lists its covariates the same way ({@link #covariate}).
 */
public final class ForecastSummary {
    /** Most series ids listed. */
    static final int MAX_SERIES_IDS = 1000;

    private ForecastSummary() {
    }

    static Map<String, Object> of(ForecastSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time_column", spec.timeColumn());
        out.put("series_column", spec.seriesColumn());
        out.put("target", spec.target());
        out.put("frequency", spec.frequency().id());
        out.put("horizon", spec.horizon());
        out.put("seasonal_period", spec.seasonalPeriod());
        out.put("series_count", spec.series().size());
        out.put("series", spec.series().stream().limit(MAX_SERIES_IDS).map(SeriesSpec::id).toList());
        out.put("backtest", spec.backtest());
        out.put("out_of_time", spec.outOfTime());
        out.put("covariates", spec.covariates().stream().map(ForecastSummary::covariate).toList());
        return out;
    }

    /** One covariate: {@code name}, {@code role} ({@code known} or {@code past}), {@code type}, and {@code categories} if any. */
    public static Map<String, Object> covariate(Covariate c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        out.put("role", c.role().name().toLowerCase(Locale.ROOT));
        out.put("type", c.type().name().toLowerCase(Locale.ROOT));
        if (!c.categories().isEmpty()) {
            out.put("categories", c.categories());
        }
        return out;
    }
}
