package io.autogate.runtime.forecast;

import java.time.LocalDateTime;

/** One series on a regular grid: its id, the first stamp and one value per step (no missing values). */
public record RegularSeries(String id, LocalDateTime start, double[] values) {
    /** The stamp of the last value. */
    public LocalDateTime end(Frequency frequency) {
        return frequency.plus(start, values.length - 1L);
    }
}
