package io.autogate.runtime.registry;

/** A change refused because something still points at the model version, such as an alias. */
public class ModelInUseException extends ModelException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message naming what uses the version. */
    public ModelInUseException(String message) {
        super(message);
    }
}
