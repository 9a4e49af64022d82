package io.autogate.engine.metrics;

import io.autogate.runtime.schema.TaskType;

/**
 * The metric a run optimises and ranks by: AUC for binary, log-loss for multiclass, RMSE for
 * regression. {@link #loss} turns it into a value where lower is better, for the search.
 */
public enum PrimaryMetric {
    /** Area under the ROC curve, higher is better. */
    AUC("auc", true),
    /** Multiclass log-loss, lower is better. */
    LOGLOSS("logloss", false),
    /** Root mean squared error, lower is better. */
    RMSE("rmse", false);

    private final String id;
    private final boolean higherIsBetter;

    PrimaryMetric(String id, boolean higherIsBetter) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
    }

    /** The primary metric of a task. */
    public static PrimaryMetric of(TaskType task) {
        return switch (task) {
            case BINARY -> AUC;
            case MULTICLASS -> LOGLOSS;
            case REGRESSION -> RMSE;
        };
    }

    /** Name used in metric maps and JSON. */
    public String id() {
        return id;
    }

    /** Whether larger values are better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The metric's value for predictions. */
    public double value(double[] y, double[][] predictions) {
        return switch (this) {
            case AUC -> Metrics.auc(y, predictions);
            case LOGLOSS -> Metrics.logLoss(y, predictions);
            case RMSE -> Metrics.rmse(y, predictions);
        };
    }

    /** A value where lower is better: the metric itself, or its negation for AUC. */
    public double loss(double value) {
        return higherIsBetter ? -value : value;
    }
}
