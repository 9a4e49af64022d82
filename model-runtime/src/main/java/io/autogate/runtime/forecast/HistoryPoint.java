package io.autogate.runtime.forecast;

/** One stored value of a series' training history and its timestamp in the model's time format. */
public record HistoryPoint(String timestamp, double value) {
}
