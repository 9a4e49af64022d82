package io.autogate.gateway.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One non-blank line from {@link NdjsonChunkParser}: its 1-based line number and the JSON object
 * it holds, or, when the line is not a JSON object (or is too long), no object and the {@code error}.
 */
public record NdjsonRecord(long line, ObjectNode object, String error) {
    /** Whether the line held a JSON object. */
    public boolean ok() {
        return error == null;
    }
}
