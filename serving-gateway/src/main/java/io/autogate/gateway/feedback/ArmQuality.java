package io.autogate.gateway.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live quality of one arm (or one model) of an endpoint, from the feedback received so far: for
 * classification the number of judged predictions and how many were correct; for regression the
 * number of judged predictions and running sums of the squared error, of its square (for the
 * variance used by Welch's test) and of the absolute error. An immutable snapshot.
 */
public record ArmQuality(String name, long classified, long correct, long regressed, double sumSquaredError,
                         double sumSquaredErrorSquared, double sumAbsoluteError) {

    /** Outcomes counted, classification and regression together. */
    public long count() {
        return classified + regressed;
    }

    /** Share of correct labels, NaN before any classification feedback. */
    public double accuracy() {
        return classified == 0 ? Double.NaN : (double) correct / classified;
    }

    /** Mean squared error, NaN before any regression feedback. */
    public double meanSquaredError() {
        return regressed == 0 ? Double.NaN : sumSquaredError / regressed;
    }

    /** Root mean squared error, NaN before any regression feedback. */
    public double rmse() {
        return Math.sqrt(meanSquaredError());
    }

    /** Mean absolute error, NaN before any regression feedback. */
    public double mae() {
        return regressed == 0 ? Double.NaN : sumAbsoluteError / regressed;
    }

    /** Sample variance of the squared errors, NaN with fewer than two regression outcomes. */
    public double squaredErrorVariance() {
        if (regressed < 2) {
            return Double.NaN;
        }
        double mean = sumSquaredError / regressed;
        return Math.max(0, (sumSquaredErrorSquared - regressed * mean * mean) / (regressed - 1));
    }

    /** The figures for a JSON body: counts, and accuracy or RMSE/MAE when there are outcomes for them. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count());
        if (classified > 0) {
            m.put("accuracy", accuracy());
            m.put("correct", correct);
        }
        if (regressed > 0) {
            m.put("rmse", rmse());
            m.put("mae", mae());
        }
        return m;
    }
}
