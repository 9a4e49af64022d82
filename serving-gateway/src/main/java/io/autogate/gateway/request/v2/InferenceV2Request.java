package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.request.PredictBodyParser;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Open Inference Protocol (KServe v2 / Triton REST) inference request read into rows:
 * <pre>{@code
 * {"id": "42", "inputs": [{"name": "age", "shape": [2], "datatype": "FP64", "data": [39, 51]},
 *                         {"name": "city", "shape": [2, 1], "datatype": "BYTES", "data": [["Oslo"], ["Rome"]]}]}
 * }</pre>
 * Either one tensor per feature column (named as the column, shape {@code [N]} or {@code [N, 1]},
 * every one with the same N; tensors for the schema's non-feature columns are accepted and
 * ignored by the model) or a single tensor of shape {@code [N, F]} whose F values per row are
 * the feature columns in schema order (any name). An input's elements come from its
 * {@code data} array or, in the binary tensor data extension, from the bytes after the JSON
 * ({@link InferenceV2Body}). Requested {@code outputs} are applied to the answer by
 * {@link V2Outputs}. Immutable.
 *
 * @param id the request's {@code id}, echoed in the response, or {@code null}
 * @param rows the rows to score, in order
 */
public record InferenceV2Request(String id, List<Row> rows) {
    public InferenceV2Request {
        rows = List.copyOf(rows);
    }

    /** Reads a JSON request with the default row limit {@link PredictBodyParser#DEFAULT_MAX_ROWS}. */
    public static InferenceV2Request parse(JsonNode body, Schema schema) {
        return parse(new InferenceV2Body(body, null), schema, PredictBodyParser.DEFAULT_MAX_ROWS);
    }

    /**
     * Reads a request, its inputs' elements from their {@code data} arrays or, with a
     * {@code binary_data_size}, from the body's binary part.
     *
     * @throws ApiException 400 naming the offending part of a malformed request (binary data
     *                      included, and binary bytes no input claims), 413
     *                      ({@code too_many_rows}) above {@code maxRows}
     */
    public static InferenceV2Request parse(InferenceV2Body request, Schema schema, int maxRows) {
        JsonNode body = request.json();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        JsonNode id = body.get("id");
        if (id != null && !id.isNull() && !id.isTextual()) {
            throw ApiException.badRequest("'id' must be a string");
        }
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw ApiException.badRequest("'inputs' must be a non-empty array of tensors");
        }
        List<V2Tensor> tensors = new ArrayList<>(inputs.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            V2Tensor t = V2Tensor.parse(inputs.get(i), i, request.binary());
            if (!names.add(t.name())) {
                throw ApiException.badRequest("input '" + t.name() + "' is given twice");
            }
            tensors.add(t);
        }
        if (request.binary() != null && request.binary().hasRemaining()) {
            throw ApiException.badRequest(request.binary().remaining() + " bytes of binary data after the JSON part are "
                    + "not claimed by any input's binary_data_size");
        }
        List<Row> rows = isMatrix(tensors, schema)
                ? matrixRows(tensors.get(0), schema, maxRows)
                : columnRows(tensors, schema, maxRows);
        return new InferenceV2Request(id == null || id.isNull() ? null : id.textValue(), rows);
    }

    private static boolean isMatrix(List<V2Tensor> tensors, Schema schema) {
        if (tensors.size() != 1) {
            return false;
        }
        V2Tensor t = tensors.get(0);
        return schema.column(t.name()).isEmpty() || (t.shape().size() == 2 && t.shape().get(1) != 1);
    }

    private static List<Row> matrixRows(V2Tensor t, Schema schema, int maxRows) {
        List<String> features = featureNames(schema);
        int f = features.size();
        if (t.shape().size() != 2 || t.shape().get(1) != f) {
            throw ApiException.badRequest("input '" + t.name() + "' is not a feature column, so it must be one [N, "
                    + f + "] tensor holding the " + f + " feature columns in order (" + String.join(", ", features)
                    + "), got shape " + t.shape() + "; or send one tensor per feature column named as the column");
        }
        int n = Math.toIntExact(t.shape().get(0));
        PredictBodyParser.requireRowCount(n, maxRows);
        Map<String, Integer> index = Row.index(features);
        List<Row> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            String[] values = new String[f];
            for (int c = 0; c < f; c++) {
                values[c] = t.cell(r * f + c);
            }
            rows.add(Row.of(index, values));
        }
        return rows;
    }

    private static List<Row> columnRows(List<V2Tensor> tensors, Schema schema, int maxRows) {
        List<String> features = featureNames(schema);
        Map<String, V2Tensor> byName = new LinkedHashMap<>();
        V2Tensor first = null;
        for (V2Tensor t : tensors) {
            if (schema.column(t.name()).isEmpty()) {
                throw ApiException.badRequest("unknown input '" + t.name() + "'; send one tensor per feature column ("
                        + String.join(", ", features) + ") or a single [N, " + features.size() + "] tensor");
            }
            List<Long> shape = t.shape();
            if (shape.size() > 2 || (shape.size() == 2 && shape.get(1) != 1)) {
                throw ApiException.badRequest("input '" + t.name() + "' must have shape [N] or [N, 1], got " + shape);
            }
            if (first != null && !shape.get(0).equals(first.shape().get(0))) {
                throw ApiException.badRequest("input '" + t.name() + "' has " + shape.get(0) + " rows but input '"
                        + first.name() + "' has " + first.shape().get(0));
            }
            first = first == null ? t : first;
            byName.put(t.name(), t);
        }
        List<String> missing = features.stream().filter(c -> !byName.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("missing input tensor for feature column(s): " + String.join(", ", missing));
        }
        int n = Math.toIntExact(first.shape().get(0));
        PredictBodyParser.requireRowCount(n, maxRows);
        List<String> columns = List.copyOf(byName.keySet());
        Map<String, Integer> index = Row.index(columns);
        List<Row> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            String[] values = new String[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = byName.get(columns.get(c)).cell(r);
            }
            rows.add(Row.of(index, values));
        }
        return rows;
    }

    private static List<String> featureNames(Schema schema) {
        return schema.featureColumns().stream().map(ColumnSpec::name).toList();
    }
}
