package io.autogate.engine.search;

/** How a trial ended. */
public enum TrialStatus {
    /** Fitted and scored on every fold. */
    OK,
    /** The library threw; the error is logged and the run went on. */
    FAILED,
    /** It did not finish before the search deadline. */
    TIMED_OUT
}
