package io.autogate.gateway.training;

import java.util.List;

/**
 * What makes a training job a forecast ({@code "task": "forecast"}): the time column, the
 * optional column naming each series ({@code null}: one series), the number of steps to
 * forecast, and the covariate columns known in advance and past-only (empty: none). The target
 * of the job is the value column.
 */
public record ForecastJobOptions(String timeColumn, String seriesColumn, int horizon, List<String> knownCovariates,
                                 List<String> pastCovariates) {
    /** The request field (and stored job field) naming the covariates known in advance. */
    public static final String KNOWN_COVARIATES_FIELD = "known_covariates";
    /** The request field (and stored job field) naming the past-only covariates. */
    public static final String PAST_COVARIATES_FIELD = "past_covariates";

    /** Options with {@code null} covariate lists read as none. */
    public ForecastJobOptions {
        knownCovariates = knownCovariates == null ? List.of() : List.copyOf(knownCovariates);
        pastCovariates = pastCovariates == null ? List.of() : List.copyOf(pastCovariates);
    }

    /** Options without covariates. */
    public ForecastJobOptions(String timeColumn, String seriesColumn, int horizon) {
        this(timeColumn, seriesColumn, horizon, List.of(), List.of());
    }
}
