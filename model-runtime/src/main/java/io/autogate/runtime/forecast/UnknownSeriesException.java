package io.autogate.runtime.forecast;

/** A forecast was asked for a series the model was not trained on, without a history to start from. */
public class UnknownSeriesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An error naming the series. */
    public UnknownSeriesException(String message) {
        super(message);
    }
}
