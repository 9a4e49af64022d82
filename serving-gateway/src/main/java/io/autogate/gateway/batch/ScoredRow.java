package io.autogate.gateway.batch;

import io.autogate.runtime.predict.Prediction;
import java.util.Objects;

/**
 * The answer for one row of a batch: the prediction, the model that made it ({@code name@version},
 * {@code null} when no model was reached) and the endpoint arm ({@code null} when a model was
 * called directly).
 */
public record ScoredRow(Prediction prediction, String model, String arm) {
    /** Checks that the prediction is present. */
    public ScoredRow {
        Objects.requireNonNull(prediction, "prediction");
    }

    /** A row that failed before reaching any model, with the reason. */
    public static ScoredRow failed(String error) {
        return new ScoredRow(Prediction.ofError(error), null, null);
    }
}
