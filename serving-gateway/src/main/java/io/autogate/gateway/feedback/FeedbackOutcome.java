package io.autogate.gateway.feedback;

import java.util.Objects;

/**
 * Ground truth joined to one logged prediction, self-contained so quality can be rebuilt from the
 * log alone: where the prediction was served, the actual value, and how far off it was. For
 * classification {@code correct} tells whether the label matched and the errors are 0 or 1; for
 * regression {@code correct} is {@code false} and the errors are those of the predicted value.
 */
public record FeedbackOutcome(String requestId, int row, String endpoint, String arm, String model, long timeMillis,
                              String actual, boolean classification, boolean correct, double squaredError,
                              double absoluteError) implements LogEntry {
    public FeedbackOutcome {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(actual, "actual");
    }
}
