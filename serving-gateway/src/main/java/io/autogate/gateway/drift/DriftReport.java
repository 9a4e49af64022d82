package io.autogate.gateway.drift;

import java.util.List;

/**
 * Drift of a model's inputs: rows observed in all, the window size, each monitored feature, the
 * largest PSI ({@code null} while no feature has enough data), the features drifting (moderate or
 * major), an overall status (the worst feature status, {@code insufficient_data} while no feature
 * has enough data) and the profiled features that cannot be monitored with the reason.
 */
public record DriftReport(long observed, int windowSize, List<FeatureDrift> features, Double maxPsi,
                          List<String> drifting, String status, List<String> unmonitored) {
    public DriftReport {
        features = List.copyOf(features);
        drifting = List.copyOf(drifting);
        unmonitored = List.copyOf(unmonitored);
    }
}
