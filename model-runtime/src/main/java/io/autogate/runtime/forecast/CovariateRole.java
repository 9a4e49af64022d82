package io.autogate.runtime.forecast;

/**
 * When a covariate's values are available: {@link #KNOWN} in advance (calendar, price, a weather
 * forecast; the value at every forecast step must be given), or {@link #PAST} only (observed with
 * the target, unknown after the forecast origin; used as lagged features only).
 */
public enum CovariateRole {
    /** Known in advance: its values at the forecast steps are given with the request. */
    KNOWN("known in advance"),
    /** Past-only: observed up to the forecast origin, never after it. */
    PAST("past-only");

    private final String text;

    CovariateRole(String text) {
        this.text = text;
    }

    /** The role in words, e.g. {@code known in advance}. */
    public String text() {
        return text;
    }
}
