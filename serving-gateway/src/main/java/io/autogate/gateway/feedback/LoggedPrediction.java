package io.autogate.gateway.feedback;

import java.util.Objects;

/**
 * One online prediction as served: which request and row, which endpoint and arm answered, the
 * model ({@code name@version}), when, and the answer: {@code label} for classification,
 * {@code value} for regression (the other is {@code null}).
 */
public record LoggedPrediction(String requestId, int row, String endpoint, String arm, String model, long timeMillis,
                               String label, Double value) implements LogEntry {
    public LoggedPrediction {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(model, "model");
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0, got " + row);
        }
    }

    /** Whether this is a classification answer (it carries a label). */
    public boolean classification() {
        return label != null;
    }
}
