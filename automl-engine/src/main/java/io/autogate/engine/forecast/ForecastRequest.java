package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.Frequency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code train --task forecast} was asked: the data, the target, the time and optional
 * series columns, the horizon, an optional frequency (inferred when null), the budget, the seed,
 * fits run at once, the families (all when empty), the model name, and the covariate columns:
 * known in advance (their future values are given at forecast time) and past-only.
 */
public record ForecastRequest(Path data, String target, String timeColumn, String seriesColumn, int horizon,
        Frequency frequency, Duration budget, long seed, int parallelism, List<String> families, String name,
        List<String> knownCovariates, List<String> pastCovariates) {
    public ForecastRequest {
        families = families == null ? List.of() : List.copyOf(families);
        knownCovariates = knownCovariates == null ? List.of() : List.copyOf(knownCovariates);
        pastCovariates = pastCovariates == null ? List.of() : List.copyOf(pastCovariates);
    }

    /** A request without covariates. */
    public ForecastRequest(Path data, String target, String timeColumn, String seriesColumn, int horizon, Frequency frequency,
            Duration budget, long seed, int parallelism, List<String> families, String name) {
        this(data, target, timeColumn, seriesColumn, horizon, frequency, budget, seed, parallelism, families, name, List.of(),
                List.of());
    }

    /** This request with other covariates. */
    public ForecastRequest withCovariates(List<String> known, List<String> past) {
        return new ForecastRequest(data, target, timeColumn, seriesColumn, horizon, frequency, budget, seed, parallelism,
                families, name, known, past);
    }
}
