package io.autogate.gateway.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.autogate.gateway.http.Json;
import io.autogate.runtime.schema.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the common predict body {@code {"rows": [{"col": scalar, ...}, ...]}} straight from its
 * bytes into rows with a streaming parser: no JSON tree, one column index for consecutive records
 * with the same fields in the same order. Any other shape (another layout, a nested value, a
 * duplicate field, no rows, invalid JSON, trailing tokens) is not an error here: the reader gives
 * up and the caller parses the body the general way, which names the problem. Cell text is the
 * same as {@link CellText} gives through the tree. Stateless and thread-safe.
 */
final class RecordsFastPath {
    /** Column indexes of recently seen field lists; clients send the same fields request after request. */
    private static final int CACHED_LAYOUTS = 64;
    private static final int CACHED_LAYOUT_MAX_COLUMNS = 512;
    private static final Map<List<String>, Map<String, Integer>> LAYOUTS = new ConcurrentHashMap<>();

    private RecordsFastPath() {
    }

    /** The rows of a body of the {@code rows} layout with scalar cells, or {@code null} when it is anything else. */
    static List<Row> tryRead(byte[] json) {
        try (JsonParser p = Json.MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"rows".equals(p.currentName()) || p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<Row> rows = new ArrayList<>();
            List<String> columns = List.of();
            Map<String, Integer> index = Map.of();
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
                names.clear();
                values.clear();
                while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                    names.add(p.currentName());
                    if (!cell(p, p.nextToken(), values)) {
                        return null;
                    }
                }
                if (!names.equals(columns)) {
                    columns = List.copyOf(names);
                    index = layout(columns);
                    if (index.size() != columns.size()) {
                        return null; // a field named twice: the general path decides which value counts
                    }
                }
                rows.add(Row.of(index, values.toArray(new String[0])));
            }
            boolean wellFormed = token == JsonToken.END_ARRAY && p.nextToken() == JsonToken.END_OBJECT
                    && p.nextToken() == null;
            return wellFormed && !rows.isEmpty() ? rows : null;
        } catch (IOException e) {
            return null;
        }
    }

    // the shared column index of a field list, cached while few (and small) layouts have been seen
    private static Map<String, Integer> layout(List<String> columns) {
        Map<String, Integer> cached = LAYOUTS.get(columns);
        if (cached != null) {
            return cached;
        }
        Map<String, Integer> index = Row.index(columns);
        if (LAYOUTS.size() < CACHED_LAYOUTS && columns.size() <= CACHED_LAYOUT_MAX_COLUMNS) {
            LAYOUTS.putIfAbsent(columns, index);
        }
        return index;
    }

    private static boolean cell(JsonParser p, JsonToken token, List<String> values) throws IOException {
        switch (token) {
            case VALUE_STRING -> values.add(p.getText());
            case VALUE_NUMBER_INT -> values.add(p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue().toString() : CellText.integer(p.getLongValue()));
            case VALUE_NUMBER_FLOAT -> values.add(CellText.decimal(p.getDoubleValue()));
            case VALUE_TRUE -> values.add("true");
            case VALUE_FALSE -> values.add("false");
            case VALUE_NULL -> values.add(null);
            default -> {
                return false;
            }
        }
        return true;
    }
}
