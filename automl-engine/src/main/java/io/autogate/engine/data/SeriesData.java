package io.autogate.engine.data;

import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.forecast.TimeFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasting input after ingest: regular series (one per series id, in first-seen order), the
 * time axis, how many rows were read, the notes of every rule applied (fills, averages,
 * imputations, truncation) and the covariates (each series holds their encoded rows in this order).
 */
public record SeriesData(List<RegularSeries> series, Frequency frequency, TimeFormat timeFormat, long rows,
        List<String> notes, List<Covariate> covariates) {
    public SeriesData {
        series = List.copyOf(series);
        notes = List.copyOf(notes);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
    }

    /** Data without covariates. */
    public SeriesData(List<RegularSeries> series, Frequency frequency, TimeFormat timeFormat, long rows, List<String> notes) {
        this(series, frequency, timeFormat, rows, notes, List.of());
    }

    /** The role of each covariate, in order. */
    public List<CovariateRole> covariateRoles() {
        return covariates.stream().map(Covariate::role).toList();
    }

    /**
     * This data with each series cut to its last {@code steps} values ({@link RegularSeries#tail}),
     * a note added when any was longer; this data itself when none was.
     */
    public SeriesData lastSteps(int steps) {
        List<RegularSeries> kept = new ArrayList<>();
        int truncated = 0;
        for (RegularSeries s : series) {
            kept.add(s.tail(steps, frequency));
            truncated += s.values().length > steps ? 1 : 0;
        }
        if (truncated == 0) {
            return this;
        }
        List<String> more = new ArrayList<>(notes);
        more.add(truncated + " series longer than " + steps + " steps: only the last " + steps + " are used");
        return new SeriesData(kept, frequency, timeFormat, rows, more, covariates);
    }
}
