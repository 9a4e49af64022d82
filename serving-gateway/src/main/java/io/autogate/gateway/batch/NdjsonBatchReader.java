package io.autogate.gateway.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads NDJSON input: each line's object becomes a row whose values are the JSON values as text
 * (strings as they are, numbers and booleans in their JSON spelling, {@code null} as missing,
 * nested arrays and objects as JSON text). A line that is not an object becomes an error record.
 * Not thread-safe.
 */
public final class NdjsonBatchReader implements BatchReader {
    private final NdjsonChunkParser parser;

    /** A reader over the given parser. */
    public NdjsonBatchReader(NdjsonChunkParser parser) {
        this.parser = parser;
    }

    @Override
    public List<BatchRecord> feed(byte[] chunk, int offset, int length) {
        return toRecords(parser.feed(chunk, offset, length));
    }

    @Override
    public List<BatchRecord> finish() {
        return toRecords(parser.finish());
    }

    @Override
    public Optional<List<String>> header() {
        return Optional.empty();
    }

    @Override
    public int bufferedBytes() {
        return parser.bufferedBytes();
    }

    /** The row for one JSON object, values as described on this class. */
    public static Row toRow(ObjectNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
        }
        return Row.of(values);
    }

    private static List<BatchRecord> toRecords(List<NdjsonRecord> parsed) {
        List<BatchRecord> out = new ArrayList<>(parsed.size());
        for (NdjsonRecord record : parsed) {
            out.add(record.ok()
                    ? new BatchRecord(record.line(), toRow(record.object()), null, record.object(), null)
                    : new BatchRecord(record.line(), null, null, null, record.error()));
        }
        return out;
    }
}
