package io.autogate.engine.data;

import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.RegularSeries;
import io.autogate.runtime.forecast.TimeFormat;
import java.util.List;

/**
 * Forecasting input after ingest: regular series (one per series id, in first-seen order), the
 * time axis, how many rows were read, and the notes of every rule applied (fills, averages,
 * imputations, truncation).
 */
public record SeriesData(List<RegularSeries> series, Frequency frequency, TimeFormat timeFormat, long rows,
        List<String> notes) {
    public SeriesData {
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }
}
