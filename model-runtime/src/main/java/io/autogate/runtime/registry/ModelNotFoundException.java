package io.autogate.runtime.registry;

/** No model, version or alias matches a reference. */
public class ModelNotFoundException extends ModelException {
    private static final long serialVersionUID = 1L;

    /** A lookup that found nothing. */
    public ModelNotFoundException(String message) {
        super(message);
    }
}
