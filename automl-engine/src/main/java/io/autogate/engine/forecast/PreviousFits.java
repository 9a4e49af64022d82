package io.autogate.engine.forecast;

import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.ForecastMember;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.forecast.SeriesSpec;
import io.autogate.runtime.registry.ModelException;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.registry.ModelRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted members of the latest registered version of a forecasting model, so that a later
 * run of the same name can reuse a member's last good fit for a series where that member now
 * fails or overruns. Only stored members exist (the chosen ones of that version), and only a
 * version with the same frequency and the same covariates is used. A reused model keeps its parameters; its states are
 * derived again from the new history, and its backtest forecasts are made with those parameters
 * (which may have seen part of the new windows).
 */
final class PreviousFits {
    private static final PreviousFits NONE = new PreviousFits("", List.of(), Map.of(), Map.of());

    private final String source;
    private final List<CovariateRole> roles;
    private final Map<String, Map<String, ForecastModel>> bySeries;
    private final Map<String, ForecastModel> global;

    private PreviousFits(String source, List<CovariateRole> roles, Map<String, Map<String, ForecastModel>> bySeries,
            Map<String, ForecastModel> global) {
        this.source = source;
        this.roles = roles;
        this.bySeries = bySeries;
        this.global = global;
    }

    /** The latest version of {@code name} when it is a forecasting model of this frequency, else none. */
    static PreviousFits latest(ModelRegistry registry, String name, Frequency frequency, List<Covariate> covariates) {
        ModelManifest manifest;
        if (name == null) {
            return NONE;
        }
        try {
            manifest = registry.manifest(ModelRef.parse(name));
        } catch (ModelException | IllegalArgumentException e) {
            return NONE;
        }
        ForecastSpec spec = manifest.forecast();
        if (spec == null || !spec.frequency().equals(frequency) || !spec.covariates().equals(covariates)) {
            return NONE;
        }
        Map<String, Map<String, ForecastModel>> bySeries = new HashMap<>();
        for (SeriesSpec s : spec.series()) {
            Map<String, ForecastModel> members = new HashMap<>();
            for (ForecastMember m : s.members()) {
                members.put(m.family(), m.model());
            }
            bySeries.put(s.id(), members);
        }
        Map<String, ForecastModel> global = new HashMap<>();
        spec.globalMembers().forEach(m -> global.put(m.family(), m.model()));
        return new PreviousFits(manifest.name() + "@" + manifest.version(),
                covariates.stream().map(Covariate::role).toList(), bySeries, global);
    }

    /** Where the fits come from, e.g. {@code sales@3}. */
    String source() {
        return source;
    }

    /** The last good fit of a per-series family for a series, re-run on the backtest windows; {@code null} when none is stored. */
    MemberFit member(String family, RegularSeries series, Frequency frequency, int horizon, int[] origins) {
        ForecastModel model = bySeries.getOrDefault(series.id(), Map.of()).get(family);
        return model == null ? null : refit(model, series, frequency, horizon, origins);
    }

    /** The last good fit of a global family for a series; {@code null} when none is stored. */
    MemberFit global(String family, RegularSeries series, Frequency frequency, int horizon, int[] origins) {
        ForecastModel model = global.get(family);
        return model == null || series.values().length < model.minLength() ? null
                : refit(model, series, frequency, horizon, origins);
    }

    private MemberFit refit(ForecastModel model, RegularSeries series, Frequency frequency, int horizon, int[] origins) {
        PointForecast[] windows = new PointForecast[origins.length];
        for (int w = 0; w < origins.length; w++) {
            if (origins[w] >= model.minLength()) {
                windows[w] = model.forecast(series.head(origins[w], roles), frequency, horizon);
            }
        }
        return new MemberFit(windows, model);
    }
}
