package io.autogate.runtime.forecast;

/** One forecast step of one series, as written to CSV and JSON. */
public record ForecastRow(String seriesId, String timestamp, double prediction, double lower80, double upper80,
        double lower95, double upper95) {
}
