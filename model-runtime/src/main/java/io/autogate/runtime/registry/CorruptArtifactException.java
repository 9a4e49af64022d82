package io.autogate.runtime.registry;

/** A stored version is damaged: a file is missing or its SHA-256 differs from the manifest. */
public class CorruptArtifactException extends ModelException {
    private static final long serialVersionUID = 1L;

    /** A damaged version. */
    public CorruptArtifactException(String message) {
        super(message);
    }
}
