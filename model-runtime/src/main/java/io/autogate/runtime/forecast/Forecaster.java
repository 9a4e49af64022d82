package io.autogate.runtime.forecast;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a registered forecasting artifact: forecasts a series from the end of its training
 * history, or from a history given with the request (regularised by the same rules as at
 * training). Global members (fitted across all series) join every series' own members. A series
 * the model has not seen is forecast from its history by the global members, or when there are
 * none by the fallback members (seasonal naive and naive, equally weighted), which need no fitting.
 * An artifact with known-in-advance covariates needs their values at every forecast step
 * ({@link CovariateRows}); a history given with the request carries the values of every
 * covariate ({@link CovariateGrid}). An artifact without covariates ignores both.
 */
public final class Forecaster {
    /** The longest horizon a request may ask for. */
    public static final int MAX_HORIZON = 10_000;

    private final ForecastSpec spec;
    private final Map<String, SeriesSpec> series = new LinkedHashMap<>();
    private final List<ForecastMember> fallback;

    /** A forecaster over a manifest's forecasting section. */
    public Forecaster(ForecastSpec spec) {
        this.spec = spec;
        spec.series().forEach(s -> series.put(s.id(), s));
        List<ForecastMember> members = new ArrayList<>();
        if (spec.seasonalPeriod() > 1) {
            members.add(new ForecastMember("seasonal_naive", 1, new SeasonalNaiveModel(spec.seasonalPeriod())));
        }
        members.add(new ForecastMember("naive", 1, new NaiveModel()));
        this.fallback = List.copyOf(members);
    }

    /** The artifact's forecasting section. */
    public ForecastSpec spec() {
        return spec;
    }

    /** The ids of the series seen at training, in training order. */
    public List<String> seriesIds() {
        return List.copyOf(series.keySet());
    }

    /** Forecasts {@code horizon} steps after the end of the series' training history. */
    public ForecastResult forecast(String seriesId, int horizon) {
        return forecast(seriesId, horizon, CovariateRows.NONE);
    }

    /**
     * Forecasts {@code horizon} steps after the end of the series' training history, with the
     * future values of the known covariates (ignored when the artifact has none).
     */
    public ForecastResult forecast(String seriesId, int horizon, CovariateRows future) {
        SeriesSpec s = series.get(seriesId);
        if (s == null) {
            throw new UnknownSeriesException("series '" + seriesId + "' is not in the model (" + series.size()
                    + " series); send its history");
        }
        int h = checkHorizon(horizon);
        LocalDateTime start = spec.timeFormat().parse(s.start());
        RegularSeries history = new RegularSeries(seriesId, start, s.history(), s.covariateHistory());
        return rows(seriesId, withGlobal(s.members()), withFuture(history, h, future), h, List.of());
    }

    /**
     * The last {@code last} stored training values of a series with their timestamps (in the
     * model's time format), oldest first: the history a forecast from the end of training continues.
     */
    public List<HistoryPoint> history(String seriesId, int last) {
        SeriesSpec s = series.get(seriesId);
        if (s == null) {
            throw new UnknownSeriesException("series '" + seriesId + "' is not in the model (" + series.size() + " series)");
        }
        LocalDateTime start = spec.timeFormat().parse(s.start());
        double[] values = s.history();
        List<HistoryPoint> out = new ArrayList<>();
        for (int i = Math.max(0, values.length - Math.max(0, last)); i < values.length; i++) {
            out.add(new HistoryPoint(spec.timeFormat().format(spec.frequency().plus(start, i)), values[i]));
        }
        return out;
    }

    /**
     * The timestamps (in the model's time format) of the {@code horizon} steps a forecast from the
     * end of the series' training history covers: the rows a caller fills with the known
     * covariates' future values.
     */
    public List<String> futureTimestamps(String seriesId, int horizon) {
        SeriesSpec s = series.get(seriesId);
        if (s == null) {
            throw new UnknownSeriesException("series '" + seriesId + "' is not in the model (" + series.size() + " series)");
        }
        int h = checkHorizon(horizon);
        LocalDateTime start = spec.timeFormat().parse(s.start());
        int length = s.history().length;
        List<String> out = new ArrayList<>(h);
        for (int i = 0; i < h; i++) {
            out.add(spec.timeFormat().format(spec.frequency().plus(start, length + i)));
        }
        return out;
    }

    /**
     * Forecasts {@code horizon} steps after the end of the given history ({@code NaN} = missing
     * value). Timestamps are text in the model's time format.
     */
    public ForecastResult forecast(String seriesId, int horizon, List<String> stamps, double[] values) {
        return forecast(seriesId, horizon, stamps, values, Map.of(), CovariateRows.NONE);
    }

    /**
     * Forecasts {@code horizon} steps after the end of the given history, whose rows carry the
     * covariates' values ({@code covariates}: per name, the text per row, {@code null} = missing,
     * imputed by the training rule), with the future values of the known covariates. Both are
     * ignored when the artifact has no covariates.
     */
    public ForecastResult forecast(String seriesId, int horizon, List<String> stamps, double[] values,
            Map<String, List<String>> covariates, CovariateRows future) {
        int h = checkHorizon(horizon);
        List<LocalDateTime> times = new ArrayList<>(stamps.size());
        for (String t : stamps) {
            times.add(spec.timeFormat().parse(t));
        }
        SeriesRegularizer.Result regular = SeriesRegularizer.regularize(seriesId, times, values, spec.frequency());
        List<String> notes = new ArrayList<>(regular.report().notes(""));
        RegularSeries history = regular.series();
        if (!spec.covariates().isEmpty()) {
            CovariateGrid.Result grid = CovariateGrid.onGrid(seriesId, spec.covariates(), times, covariates, spec.frequency());
            for (int c = 0; c < grid.imputed().length; c++) {
                if (grid.imputed()[c] > 0) {
                    notes.add("covariate '" + spec.covariates().get(c).name() + "': " + grid.imputed()[c]
                            + " missing value(s) imputed by " + spec.covariates().get(c).imputation());
                }
            }
            history = new RegularSeries(seriesId, history.start(), history.values(), grid.rows());
        }
        SeriesSpec known = series.get(seriesId);
        List<ForecastMember> members;
        if (known != null) {
            members = withGlobal(known.members());
        } else if (!spec.globalMembers().isEmpty()) {
            members = spec.globalMembers();
            notes.add("series not seen at training: forecast by the global members");
        } else {
            members = fallback;
            notes.add("series not seen at training: forecast by the fallback members (seasonal naive, naive)");
        }
        return rows(seriesId, members, withFuture(history, h, future), h, notes);
    }

    /** The history with the known covariates' future values appended (as it is when there are none). */
    private RegularSeries withFuture(RegularSeries history, int horizon, CovariateRows future) {
        if (spec.covariates().isEmpty()) {
            return history;
        }
        double[][] rows = CovariateGrid.withFuture(spec.covariates(), history.covariates(), history.end(spec.frequency()),
                spec.frequency(), spec.timeFormat(), horizon, future);
        return new RegularSeries(history.id(), history.start(), history.values(), rows);
    }

    private ForecastResult rows(String id, List<ForecastMember> members, RegularSeries history, int horizon,
            List<String> notes) {
        List<ForecastMember> usable = members.stream().filter(m -> history.values().length >= m.model().minLength()).toList();
        List<String> allNotes = new ArrayList<>(notes);
        List<ForecastMember> chosen = usable;
        if (usable.isEmpty()) {
            chosen = fallback.stream().filter(m -> history.values().length >= m.model().minLength()).toList();
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("series '" + id + "' has " + history.values().length
                        + " value(s); at least 2 are needed to forecast");
            }
            allNotes.add("history too short for the fitted members: forecast by the fallback members");
        }
        if (horizon > spec.horizon() && spec.covariates().stream().anyMatch(c -> c.role() == CovariateRole.PAST)) {
            allNotes.add("steps after the trained horizon " + spec.horizon() + " see the past-only covariates as missing"
                    + " (their lags would reach after the forecast origin)");
        }
        PointForecast f = EnsembleForecast.combine(chosen, history, spec.frequency(), horizon);
        LocalDateTime end = history.end(spec.frequency());
        List<ForecastRow> rows = new ArrayList<>(horizon);
        for (int i = 0; i < horizon; i++) {
            rows.add(new ForecastRow(id, spec.timeFormat().format(spec.frequency().plus(end, i + 1L)), f.mean()[i],
                    f.lower(i, 0.80), f.upper(i, 0.80), f.lower(i, 0.95), f.upper(i, 0.95)));
        }
        return new ForecastResult(id, rows, allNotes);
    }

    private List<ForecastMember> withGlobal(List<ForecastMember> own) {
        if (spec.globalMembers().isEmpty()) {
            return own;
        }
        List<ForecastMember> all = new ArrayList<>(own);
        all.addAll(spec.globalMembers());
        return all;
    }

    private static int checkHorizon(int horizon) {
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon " + horizon + " must be between 1 and " + MAX_HORIZON);
        }
        return horizon;
    }
}
