package io.autogate.gateway.batch;

import io.autogate.runtime.schema.Row;
import java.util.List;

/**
 * The scoring seam of batch scoring: a model predictor or an endpoint's routing behind one call.
 * Returns exactly one {@link ScoredRow} per input row, in order; a row that cannot be scored gets
 * an error prediction rather than an exception. Implementations must be safe for concurrent use,
 * since chunks of one request may be scored on several worker threads at once.
 */
@FunctionalInterface
public interface BatchScorer {
    /** Scores the rows, one answer per row in the same order. */
    List<ScoredRow> score(List<Row> rows);
}
