package io.autogate.runtime.predict;

import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.List;

/**
 * Scores raw rows with a trained model, pipeline included. One prediction per row, in order; a
 * row with a problem gets a {@link Prediction#ofError} answer instead of failing the batch.
 * Implementations are safe for concurrent use.
 */
public interface Predictor {
    /** The schema callers must follow. */
    Schema schema();

    /** Scores the rows. */
    List<Prediction> predict(List<Row> rows);

    /**
     * Scores rows the caller has already checked at least as strictly as
     * {@link Schema#problems(Row)} does (every row has no problem there): implementations may skip
     * their own check. The answers are those of {@link #predict} for such rows.
     */
    default List<Prediction> predictChecked(List<Row> rows) {
        return predict(rows);
    }
}
