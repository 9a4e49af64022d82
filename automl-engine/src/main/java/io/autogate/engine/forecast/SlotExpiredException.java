package io.autogate.engine.forecast;

/** Thrown inside a fit whose time slot ran out (the fitting thread was interrupted). */
final class SlotExpiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SlotExpiredException() {
        super("time slot expired");
    }
}
