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
     * @param prediction the logged prediction the ground truth was joined to (when and by which arm
     *                   and model it was served)
     * @param outcome    the outcome: for classification whether the label matched, for regression
     *                   the squared error
     */
    void onOutcome(LoggedPrediction prediction, FeedbackOutcome outcome);
}
