package io.autogate.benchmarks;

/** How one system's run on one dataset ended. */
public enum RunStatus {
    /** Trained, predicted and scored. */
    SUCCEEDED,
    /** Something failed; the result's message says what. */
    FAILED,
    /** Not run (e.g. {@code --skip-h2o}). */
    SKIPPED
}
