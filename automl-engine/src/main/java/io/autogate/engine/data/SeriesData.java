package io.autogate.engine.data;

import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.forecast.TimeFormat;
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
}
