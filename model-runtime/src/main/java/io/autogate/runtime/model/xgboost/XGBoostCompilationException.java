package io.autogate.runtime.model.xgboost;

/**
 * An XGBoost model could not be compiled to Java: an unsupported objective, booster or split
 * type, a tree referring to an unknown feature, or margins the native booster computes
 * differently. Callers keep scoring with the native booster.
 */
public final class XGBoostCompilationException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message naming the problem.
     *
     * @param message what could not be compiled and why
     */
    public XGBoostCompilationException(String message) {
        super(message);
    }

    /**
     * An exception with a message naming the problem and its cause.
     *
     * @param message what could not be compiled and why
     * @param cause   the underlying failure
     */
    public XGBoostCompilationException(String message, Throwable cause) {
        super(message, cause);
    }
}
