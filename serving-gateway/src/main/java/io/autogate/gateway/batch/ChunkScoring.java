package io.autogate.gateway.batch;

import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one chunk of records: good records go to the {@link BatchScorer} in one call, bad ones
 * keep their own error. A scorer that throws or answers with the wrong number of rows fails every
 * row of the chunk with the reason, so one broken chunk never fails a whole batch. Stateless.
 */
final class ChunkScoring {
    private static final System.Logger LOG = System.getLogger(ChunkScoring.class.getName());

    private ChunkScoring() {
    }

    /** One answer per record, in order. */
    static List<ScoredRow> score(List<BatchRecord> records, BatchScorer scorer) {
        List<Row> rows = new ArrayList<>(records.size());
        for (BatchRecord record : records) {
            if (record.ok()) {
                rows.add(record.row());
            }
        }
        List<ScoredRow> answers;
        String failure = null;
        try {
            answers = rows.isEmpty() ? List.of() : scorer.score(rows);
            if (answers == null || answers.size() != rows.size()) {
                failure = "scoring failed: scorer answered " + (answers == null ? "nothing" : answers.size() + " rows")
                        + " for " + rows.size() + " rows";
            }
        } catch (RuntimeException e) {
            answers = List.of();
            LOG.log(System.Logger.Level.ERROR, "batch chunk scoring failed", e);
            failure = "the model failed to score this chunk; the server log has the details";
        }
        List<ScoredRow> out = new ArrayList<>(records.size());
        int next = 0;
        for (BatchRecord record : records) {
            if (!record.ok()) {
                out.add(ScoredRow.failed(record.error()));
            } else if (failure != null) {
                out.add(ScoredRow.failed(failure));
            } else {
                out.add(answers.get(next++));
            }
        }
        return out;
    }

    /** How many of the answers are errors. */
    static int errorCount(List<ScoredRow> scored) {
        int errors = 0;
        for (ScoredRow row : scored) {
            if (!row.prediction().ok()) {
                errors++;
            }
        }
        return errors;
    }
}
