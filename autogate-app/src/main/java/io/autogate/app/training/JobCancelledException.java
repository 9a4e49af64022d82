package io.autogate.app.training;

/** Thrown inside a running job once it was cancelled, to stop it before anything is registered. */
final class JobCancelledException extends RuntimeException {
    JobCancelledException() {
        super("cancelled", null, false, false);
    }
}
