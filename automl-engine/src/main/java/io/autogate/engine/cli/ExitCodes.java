package io.autogate.engine.cli;

/** Exit statuses of the command line; other tools rely on them. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The run failed for a reason that is not the user's input (message on stderr). */
    public static final int FAILURE = 1;
    /** Bad input or arguments: the message names the problem; nothing was written. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
