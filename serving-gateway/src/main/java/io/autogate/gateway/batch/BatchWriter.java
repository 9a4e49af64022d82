package io.autogate.gateway.batch;

import java.util.List;

/**
 * Writes scored records in one {@link BatchFormat}: each input record echoed back with the
 * prediction columns of a {@link BatchOutputSpec} appended. Implementations keep no state between
 * calls and are safe for concurrent use.
 */
public interface BatchWriter {
    /** The bytes that open the output for an input with this column header (CSV header line). */
    byte[] header(List<String> inputHeader);

    /** The bytes for a chunk of records and their answers, {@code scored.get(i)} for {@code records.get(i)}. */
    byte[] rows(List<BatchRecord> records, List<ScoredRow> scored);
}
