package io.autogate.runtime.predict;

import java.util.List;

/**
 * The answer for one row: for classification the predicted class {@code label} and the
 * {@code probabilities} in the order of {@code Schema.classes()}; for regression the
 * {@code value}. A row that could not be scored carries an {@code error} and nothing else.
 */
public record Prediction(String label, Double value, List<Double> probabilities, String error) {
    public Prediction {
        probabilities = probabilities == null ? List.of() : List.copyOf(probabilities);
    }

    /** A classification answer. */
    public static Prediction ofClass(String label, List<Double> probabilities) {
        return new Prediction(label, null, probabilities, null);
    }

    /** A regression answer. */
    public static Prediction ofValue(double value) {
        return new Prediction(null, value, List.of(), null);
    }

    /** A row that could not be scored, with the reason. */
    public static Prediction ofError(String error) {
        return new Prediction(null, null, List.of(), error);
    }

    /** Whether the row was scored. */
    public boolean ok() {
        return error == null;
    }
}
