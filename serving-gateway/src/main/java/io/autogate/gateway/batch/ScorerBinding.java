package io.autogate.gateway.batch;

import java.util.Objects;

/** What a batch job scores with: the scorer for its target and the columns its output appends. */
public record ScorerBinding(BatchScorer scorer, BatchOutputSpec spec) {
    /** Checks both parts are present. */
    public ScorerBinding {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(spec, "spec");
    }
}
