package io.autogate.engine.search;

/** Receives progress while a search runs; called from the search's coordinating thread. */
public interface SearchListener {
    /** A trial finished (in any status); {@code best} is the best OK full-fidelity trial so far, or null. */
    void trialFinished(Trial trial, Trial best, int trialsDone, double elapsedSeconds);

    /** A listener that ignores everything. */
    static SearchListener none() {
        return (trial, best, done, elapsed) -> { };
    }
}
