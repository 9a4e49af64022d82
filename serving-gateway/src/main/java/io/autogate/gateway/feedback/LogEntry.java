package io.autogate.gateway.feedback;

/** One record of the {@link PredictionLog}: a served prediction or the feedback joined to one. */
sealed interface LogEntry permits LoggedPrediction, FeedbackOutcome {
    /** Epoch milliseconds the record was made; age bounds use it. */
    long timeMillis();

    /** The request the record belongs to. */
    String requestId();

    /** The row of the request the record belongs to. */
    int row();
}
