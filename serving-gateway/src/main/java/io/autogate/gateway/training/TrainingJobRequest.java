package io.autogate.gateway.training;

import java.util.Map;

/**
 * What a client asks to train: an uploaded dataset's id, the column to predict, per-column type
 * overrides (column name to a type; the engine-backed service accepts {@code ignore}, leaving the
 * column out, and {@code numeric}, {@code categorical}, {@code datetime}, {@code text}), the time
 * budget in seconds, the name to register under ({@code null}: from the dataset), the search seed
 * and, for a forecast, its options ({@code null}: predict the target from the other columns).
 */
public record TrainingJobRequest(String datasetId, String target, Map<String, String> columnTypes,
                                 int budgetSeconds, String name, long seed, ForecastJobOptions forecast) {
    public TrainingJobRequest {
        columnTypes = columnTypes == null ? Map.of() : Map.copyOf(columnTypes);
    }

    /** A request to predict the target from the other columns (no forecast). */
    public TrainingJobRequest(String datasetId, String target, Map<String, String> columnTypes, int budgetSeconds,
                              String name, long seed) {
        this(datasetId, target, columnTypes, budgetSeconds, name, seed, null);
    }
}
