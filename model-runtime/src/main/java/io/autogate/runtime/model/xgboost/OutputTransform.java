package io.autogate.runtime.model.xgboost;

/**
 * How XGBoost turns the margins of one row into its predictions, per objective, in float
 * arithmetic as the native library does.
 */
enum OutputTransform {
    /** Regression objectives whose prediction is the margin itself. */
    IDENTITY,
    /** {@code multi:softprob}: softmax over the per-class margins. */
    SOFTMAX;

    /**
     * The transform of an objective.
     *
     * @throws XGBoostCompilationException for objectives not supported here
     */
    static OutputTransform of(String objective) throws XGBoostCompilationException {
        return switch (objective) {
            case "reg:squarederror", "reg:linear", "reg:pseudohubererror" -> IDENTITY;
            case "multi:softprob" -> SOFTMAX;
            default -> throw new XGBoostCompilationException("objective '" + objective + "' is not supported");
        };
    }

    /** Replaces {@code margins} by the predictions. */
    void apply(float[] margins) {
        if (this == SOFTMAX) {
            softmax(margins);
        }
    }

    // XGBoost 1.6 common::Softmax: float maximum and exponentials, a double sum, a float division.
    private static void softmax(float[] v) {
        float max = v[0];
        for (int i = 1; i < v.length; i++) {
            max = Math.max(v[i], max);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.exp(v[i] - max);
            sum += v[i];
        }
        float total = (float) sum;
        for (int i = 0; i < v.length; i++) {
            v[i] /= total;
        }
    }
}
