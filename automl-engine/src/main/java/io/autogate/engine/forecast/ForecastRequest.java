package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.Frequency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code train --task forecast} was asked: the data, the target, the time and optional
 * series columns, the horizon, an optional frequency (inferred when null), the budget, the seed,
 * fits run at once, the families (all when empty) and the model name.
 */
public record ForecastRequest(Path data, String target, String timeColumn, String seriesColumn, int horizon,
        Frequency frequency, Duration budget, long seed, int parallelism, List<String> families, String name) {
    public ForecastRequest {
        families = families == null ? List.of() : List.copyOf(families);
    }
}
