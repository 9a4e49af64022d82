package io.autogate.gateway.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rows of an online predict request body in any of the accepted layouts:
 * <ul>
 *   <li>Autogate: {@code {"rows": [{"col": value, ...}, ...]}}</li>
 *   <li>TF-Serving row format: {@code {"instances": [{...}, ...]}}, where an instance may also be an
 *       array of values in the schema's feature-column order</li>
 *   <li>TF-Serving columnar format: {@code {"inputs": {"col": [v1, v2, ...], ...}}}</li>
 *   <li>MLflow: {@code {"dataframe_records": [{...}, ...]}} and
 *       {@code {"dataframe_split": {"columns": [...], "data": [[...], ...], "index": [...]}}}
 *       ({@code index} optional and otherwise ignored)</li>
 * </ul>
 * Cell values become row text as {@link CellText} describes. Every malformed body is an
 * {@link ApiException} 400 naming the offending part; more rows than the limit is a 413 with code
 * {@code too_many_rows}. Stateless and thread-safe.
 */
public final class PredictBodyParser {
    /** The row limit {@link #parse(JsonNode, Schema)} applies. */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    private static final List<String> LAYOUTS = List.of("rows", "instances", "inputs", "dataframe_records",
            "dataframe_split");

    private PredictBodyParser() {
    }

    /** The rows of a request body, at most {@link #DEFAULT_MAX_ROWS} of them. */
    public static List<Row> parse(JsonNode body, Schema schema) {
        return parse(body, schema, DEFAULT_MAX_ROWS);
    }

    /**
     * The rows of a request body.
     *
     * @param body the parsed JSON body
     * @param schema the model's schema; its feature columns give the order of array instances
     * @param maxRows the most rows one request may carry (at least 1)
     * @return the rows in request order, never empty
     * @throws ApiException 400 for a malformed body, 413 ({@code too_many_rows}) above the limit
     */
    public static List<Row> parse(JsonNode body, Schema schema, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        List<String> present = LAYOUTS.stream().filter(body::has).toList();
        if (present.size() != 1) {
            throw ApiException.badRequest("expected one of " + String.join(", ", LAYOUTS)
                    + (present.isEmpty() ? "" : "; the body has several: " + String.join(", ", present)));
        }
        String layout = present.get(0);
        JsonNode content = body.get(layout);
        return switch (layout) {
            case "rows", "dataframe_records" -> records(layout, content, maxRows);
            case "instances" -> instances(content, schema, maxRows);
            case "inputs" -> columnar(content, maxRows);
            default -> split(content, maxRows);
        };
    }

    /**
     * Checks a request's row count: none is a 400 ({@code no rows to score}), more than
     * {@code maxRows} a 413 with code {@code too_many_rows}.
     */
    public static void requireRowCount(int rows, int maxRows) {
        if (rows == 0) {
            throw ApiException.badRequest("no rows to score");
        }
        if (rows > maxRows) {
            throw new ApiException(413, "too_many_rows",
                    "request has " + rows + " rows, more than the limit of " + maxRows + " per request");
        }
    }

    private static List<Row> records(String layout, JsonNode content, int maxRows) {
        if (!content.isArray()) {
            throw ApiException.badRequest("'" + layout + "' must be an array of objects");
        }
        requireRowCount(content.size(), maxRows);
        List<Row> rows = new ArrayList<>(content.size());
        RecordReader reader = new RecordReader();
        for (int i = 0; i < content.size(); i++) {
            JsonNode record = content.get(i);
            String where = layout + "[" + i + "]";
            if (!record.isObject()) {
                throw ApiException.badRequest(where + " must be an object mapping column to value");
            }
            rows.add(reader.read(record, where));
        }
        return rows;
    }

    /**
     * Reads JSON records into rows. Consecutive records with the same fields in the same order (the
     * usual case) share one column index, so a row costs one array. Not thread-safe: one per request.
     */
    private static final class RecordReader {
        private List<String> columns = List.of();
        private Map<String, Integer> index = Map.of();

        Row read(JsonNode record, String where) {
            if (!sameFields(record)) {
                columns = new ArrayList<>(record.size());
                record.fieldNames().forEachRemaining(columns::add);
                index = Row.index(columns);
            }
            String[] values = new String[columns.size()];
            int c = 0;
            for (Map.Entry<String, JsonNode> field : record.properties()) {
                values[c++] = CellText.of(field.getValue(), where, field.getKey());
            }
            return Row.of(index, values);
        }

        private boolean sameFields(JsonNode record) {
            if (record.size() != columns.size()) {
                return false;
            }
            int c = 0;
            for (var it = record.fieldNames(); it.hasNext();) {
                if (!it.next().equals(columns.get(c++))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static List<Row> instances(JsonNode content, Schema schema, int maxRows) {
        if (!content.isArray()) {
            throw ApiException.badRequest("'instances' must be an array of objects or of value arrays");
        }
        requireRowCount(content.size(), maxRows);
        List<String> features = schema.featureColumns().stream().map(ColumnSpec::name).toList();
        Map<String, Integer> featureIndex = Row.index(features);
        List<Row> rows = new ArrayList<>(content.size());
        RecordReader reader = new RecordReader();
        for (int i = 0; i < content.size(); i++) {
            JsonNode instance = content.get(i);
            String where = "instances[" + i + "]";
            if (instance.isObject()) {
                rows.add(reader.read(instance, where));
            } else if (instance.isArray()) {
                if (instance.size() != features.size()) {
                    throw ApiException.badRequest(where + " has " + instance.size() + " values but the model has "
                            + features.size() + " feature columns, in this order: " + String.join(", ", features));
                }
                rows.add(Row.of(featureIndex, cells(instance, where)));
            } else {
                throw ApiException.badRequest(where + " must be an object mapping column to value or an array of "
                        + features.size() + " values in feature-column order (" + String.join(", ", features) + ")");
            }
        }
        return rows;
    }

    private static List<Row> columnar(JsonNode content, int maxRows) {
        if (!content.isObject()) {
            throw ApiException.badRequest("'inputs' must be an object mapping each column to an array of values");
        }
        List<String> columns = new ArrayList<>();
        List<JsonNode> arrays = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : content.properties()) {
            if (!field.getValue().isArray()) {
                throw ApiException.badRequest("inputs." + field.getKey() + " must be an array of values");
            }
            if (!arrays.isEmpty() && field.getValue().size() != arrays.get(0).size()) {
                throw ApiException.badRequest("inputs." + field.getKey() + " has " + field.getValue().size()
                        + " values but inputs." + columns.get(0) + " has " + arrays.get(0).size());
            }
            columns.add(field.getKey());
            arrays.add(field.getValue());
        }
        int n = arrays.isEmpty() ? 0 : arrays.get(0).size();
        requireRowCount(n, maxRows);
        Map<String, Integer> index = Row.index(columns);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] values = new String[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = CellText.of(arrays.get(c).get(i), "inputs." + columns.get(c) + "[" + i + "]");
            }
            rows.add(Row.of(index, values));
        }
        return rows;
    }

    private static List<Row> split(JsonNode content, int maxRows) {
        if (!content.isObject()) {
            throw ApiException.badRequest("'dataframe_split' must be an object with 'columns' and 'data'");
        }
        List<String> columns = splitColumns(content.get("columns"));
        JsonNode data = content.get("data");
        if (data == null || !data.isArray()) {
            throw ApiException.badRequest("dataframe_split.data must be an array of value arrays");
        }
        JsonNode index = content.get("index");
        if (index != null && !index.isNull() && (!index.isArray() || index.size() != data.size())) {
            throw ApiException.badRequest("dataframe_split.index must be an array with one entry per data row ("
                    + data.size() + ")");
        }
        requireRowCount(data.size(), maxRows);
        Map<String, Integer> rowIndex = Row.index(columns);
        List<Row> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode values = data.get(i);
            String where = "dataframe_split.data[" + i + "]";
            if (!values.isArray()) {
                throw ApiException.badRequest(where + " must be an array of values");
            }
            if (values.size() != columns.size()) {
                throw ApiException.badRequest(where + " has " + values.size() + " values but there are "
                        + columns.size() + " columns");
            }
            rows.add(Row.of(rowIndex, cells(values, where)));
        }
        return rows;
    }

    private static List<String> splitColumns(JsonNode columns) {
        if (columns == null || !columns.isArray()) {
            throw ApiException.badRequest("dataframe_split.columns must be an array of column names");
        }
        List<String> names = new ArrayList<>(columns.size());
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            JsonNode name = columns.get(c);
            if (!name.isTextual()) {
                throw ApiException.badRequest("dataframe_split.columns[" + c + "] must be a column name (a string)");
            }
            if (!seen.add(name.textValue())) {
                throw ApiException.badRequest("dataframe_split.columns names '" + name.textValue() + "' twice");
            }
            names.add(name.textValue());
        }
        return names;
    }

    private static String[] cells(JsonNode values, String where) {
        String[] out = new String[values.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = CellText.of(values.get(c), where + "[" + c + "]");
        }
        return out;
    }
}
