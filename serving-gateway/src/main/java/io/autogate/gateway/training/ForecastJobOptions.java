package io.autogate.gateway.training;

import java.util.List;

/**
 * What makes a training job a forecast ({@code "task": "forecast"}): the time column, the
 * optional column naming each series ({@code null}: one series), the number of steps to
 * forecast, the covariate columns known in advance and past-only (empty: none), the ensemble
 * rule's id and the most recent steps kept per series ({@code null} for either: the trainer's
 * default). The target of the job is the value column. The trainer checks the rule and the
 * history length, so the gateway needs no engine types.
 */
public record ForecastJobOptions(String timeColumn, String seriesColumn, int horizon, List<String> knownCovariates,
                                 List<String> pastCovariates, String ensembleRule, Integer maxHistory) {
    /** The request field (and stored job field) naming the covariates known in advance. */
    public static final String KNOWN_COVARIATES_FIELD = "known_covariates";
    /** The request field (and stored job field) naming the past-only covariates. */
    public static final String PAST_COVARIATES_FIELD = "past_covariates";
    /** The request field (and stored job field) naming the ensemble rule. */
    public static final String ENSEMBLE_RULE_FIELD = "ensemble_rule";
    /** The request field (and stored job field) giving the most recent steps kept per series. */
    public static final String MAX_HISTORY_FIELD = "max_history";

    /** Options with {@code null} covariate lists read as none. */
    public ForecastJobOptions {
        knownCovariates = knownCovariates == null ? List.of() : List.copyOf(knownCovariates);
        pastCovariates = pastCovariates == null ? List.of() : List.copyOf(pastCovariates);
    }

    /** Options without covariates, with the trainer's default rule and history. */
    public ForecastJobOptions(String timeColumn, String seriesColumn, int horizon) {
        this(timeColumn, seriesColumn, horizon, List.of(), List.of(), null, null);
    }
}
