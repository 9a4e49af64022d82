package io.autogate.gateway.training;

/**
 * What makes a training job a forecast ({@code "task": "forecast"}): the time column, the
 * optional column naming each series ({@code null}: one series) and the number of steps to
 * forecast. The target of the job is the value column.
 */
public record ForecastJobOptions(String timeColumn, String seriesColumn, int horizon) {
}
