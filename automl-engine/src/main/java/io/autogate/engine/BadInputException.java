package io.autogate.engine;

/**
 * The user's input cannot be used: a file that is not a CSV, a missing target column, too few
 * rows. The message is one line that names the problem and, where possible, what to do; the
 * command line prints it without a stack trace and exits with status 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a one-line, user-facing message. */
    public BadInputException(String message) {
        super(message);
    }

    /** An error with a one-line, user-facing message and the underlying cause (for logs only). */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
