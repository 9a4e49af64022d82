package io.autogate.engine.search;

/** No trial of a search succeeded, so there is no model; the message says why and what to try. */
public class SearchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failed search with a one-line message. */
    public SearchFailedException(String message) {
        super(message);
    }
}
