package io.autogate.gateway.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.runtime.schema.Row;

/**
 * One input record of a batch on its way to the output: its 1-based data row number (CSV: data
 * record after the header; NDJSON: line), the {@link Row} to score ({@code null} when the record is
 * bad), what the writer echoes back ({@code fields} for CSV, always as wide as the header;
 * {@code object} for NDJSON, {@code null} for a bad line) and the {@code error} of a bad record.
 * Records are handed from the reading thread to a scoring thread and never changed after creation.
 */
public record BatchRecord(long number, Row row, String[] fields, ObjectNode object, String error) {
    /** Whether the record can be scored. */
    public boolean ok() {
        return error == null;
    }
}
