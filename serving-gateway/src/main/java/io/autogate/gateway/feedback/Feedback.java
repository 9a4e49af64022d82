package io.autogate.gateway.feedback;

import java.util.Objects;

/**
 * Ground truth for one served prediction: the request id the gateway returned, the row within
 * that request ({@code null} means 0) and the actual value as text.
 */
public record Feedback(String requestId, Integer row, String actual) {
    public Feedback {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(actual, "actual");
        row = row == null ? 0 : row;
    }
}
