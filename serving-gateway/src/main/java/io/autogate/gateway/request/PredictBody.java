package io.autogate.gateway.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.Json;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.List;

/**
 * An online predict request body, read once. The common layout ({@code {"rows": [...]}} with
 * scalar cells) is read straight into rows; every other body is kept as a JSON tree and read by
 * {@link PredictBodyParser} against the schema of the model that scores it (an endpoint may try a
 * second model's schema). Immutable.
 */
public final class PredictBody {
    private final List<Row> rows;
    private final JsonNode tree;

    private PredictBody(List<Row> rows, JsonNode tree) {
        this.rows = rows;
        this.tree = tree;
    }

    /** Reads a body; 400 when it is not valid JSON (see {@link Json#tree(byte[])}). */
    public static PredictBody read(byte[] json) {
        List<Row> fast = RecordsFastPath.tryRead(json);
        return fast != null ? new PredictBody(fast, null) : new PredictBody(null, Json.tree(json));
    }

    /**
     * The rows for a model with this schema, as {@link PredictBodyParser#parse(JsonNode, Schema, int)}
     * reads them: 400 for a malformed body, 413 above {@code maxRows}.
     */
    public List<Row> rows(Schema schema, int maxRows) {
        if (rows == null) {
            return PredictBodyParser.parse(tree, schema, maxRows);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        PredictBodyParser.requireRowCount(rows.size(), maxRows);
        return rows;
    }
}
