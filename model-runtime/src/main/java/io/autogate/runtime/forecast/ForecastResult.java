package io.autogate.runtime.forecast;

import java.util.List;

/** The forecast of one series: one row per step, and what was done to the history it started from. */
public record ForecastResult(String seriesId, List<ForecastRow> rows, List<String> notes) {
    public ForecastResult {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
