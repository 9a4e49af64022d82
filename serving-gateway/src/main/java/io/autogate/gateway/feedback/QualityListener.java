package io.autogate.gateway.feedback;

/**
 * Receives every accepted feedback outcome, e.g. so a canary controller can judge an arm.
 * Called on the thread that submitted the feedback, after quality was updated; implementations
 * must be thread-safe, quick and must not throw (an exception reaches the submitter and skips the
 * remaining items of the submission).
 */
@FunctionalInterface
public interface QualityListener {
    /**
     * One outcome.
     *
     * @param correct        for classification, whether the label matched (always {@code false} for regression)
     * @param squaredError   for regression the squared error; for classification 0 when correct, else 1
     * @param classification whether the endpoint's task is classification
     */
    void onOutcome(String endpoint, String arm, boolean correct, double squaredError, boolean classification);
}
