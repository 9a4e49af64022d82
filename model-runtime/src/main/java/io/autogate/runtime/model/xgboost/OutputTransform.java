package io.autogate.runtime.model.xgboost;

/**
 * How XGBoost turns the margins of one row into its predictions, per objective, in float
 * arithmetic as the native library does, and how it turns the model's {@code base_score} into
 * the margin offset it starts from.
 */
enum OutputTransform {
    /** Regression objectives whose prediction is the margin itself. */
    IDENTITY,
    /** {@code multi:softprob}: softmax over the per-class margins. */
    SOFTMAX,
    /**
     * {@code binary:logistic}: one margin, whose sigmoid is the probability of the class with
     * label 1 (Tribuo output id 1); written out as the two class probabilities {@code 1 - p, p}.
     */
    SIGMOID;

    /**
     * The transform of an objective.
     *
     * @throws XGBoostCompilationException for objectives not supported here
     */
    static OutputTransform of(String objective) throws XGBoostCompilationException {
        return switch (objective) {
            case "reg:squarederror", "reg:linear", "reg:pseudohubererror" -> IDENTITY;
            case "multi:softprob" -> SOFTMAX;
            case "binary:logistic" -> SIGMOID;
            default -> throw new XGBoostCompilationException("objective '" + objective + "' is not supported");
        };
    }

    /** Number of predictions per row for a booster with {@code numGroups} output groups. */
    int numOutputs(int numGroups) {
        return this == SIGMOID ? 2 : numGroups;
    }

    /**
     * The margin offset XGBoost starts every output group from, given the {@code base_score}
     * saved in the model: the score itself, except for {@code binary:logistic}, whose
     * {@code base_score} is a probability and whose offset is its logit (XGBoost's
     * {@code ProbToMargin}, in float). NaN stays NaN.
     */
    float marginOffset(float baseScore) {
        if (this != SIGMOID) {
            return baseScore;
        }
        return (float) -Math.log(1.0f / baseScore - 1.0f);
    }

    /**
     * Writes the predictions for one row's margins to {@code out} from index {@code at}
     * ({@link #numOutputs} values); {@code margins} may be overwritten.
     */
    void apply(float[] margins, double[] out, int at) {
        switch (this) {
            case IDENTITY -> copy(margins, out, at);
            case SOFTMAX -> {
                softmax(margins);
                copy(margins, out, at);
            }
            case SIGMOID -> {
                float p = sigmoid(margins[0]);
                out[at] = 1.0 - p;
                out[at + 1] = p;
            }
        }
    }

    private static void copy(float[] values, double[] out, int at) {
        for (int i = 0; i < values.length; i++) {
            out[at + i] = values[i];
        }
    }

    // XGBoost 1.6 common::Sigmoid: 1 / (1 + exp(-x)) in float; the exponent is capped so that it stays finite.
    private static float sigmoid(float x) {
        float e = (float) Math.exp(Math.min(-x, 88.7f));
        return 1.0f / (e + 1.0f);
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
