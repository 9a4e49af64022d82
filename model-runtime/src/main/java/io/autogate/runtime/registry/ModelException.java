package io.autogate.runtime.registry;

/** A model could not be found or loaded. The message names the model and the problem. */
public class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure with a user-facing message. */
    public ModelException(String message) {
        super(message);
    }

    /** A failure with a user-facing message and its cause. */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
