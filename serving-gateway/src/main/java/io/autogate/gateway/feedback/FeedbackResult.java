package io.autogate.gateway.feedback;

import java.util.List;

/** What a feedback submission did: how many items were counted and why the others were not. */
public record FeedbackResult(int accepted, List<Rejection> rejected) {
    public FeedbackResult {
        rejected = List.copyOf(rejected);
    }
}
