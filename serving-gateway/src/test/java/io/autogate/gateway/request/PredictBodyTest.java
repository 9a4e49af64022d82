package io.autogate.gateway.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed reading of {@code {"rows": [...]}} must give exactly what the general tree reading
 * gives — same rows, same cell text, same errors — and step aside for every other shape.
 */
class PredictBodyTest {
    private final Schema schema = RequestFixtures.smallSchema(true);

    private static byte[] bytes(String body) {
        return body.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map<String, String>> cells(List<Row> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.columns().stream().sorted().forEach(c -> cells.put(c, row.get(c)));
            out.add(cells);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'rows': [{'x': 39, 'y': 2.5, 'z': 'red', 'flag': true, 'gone': null}, {'x': -1, 'y': 0.0, 'z': 'blue'}]}",
        "{'rows': [{'big': 123456789012345678901234567890, 'e': 1e10, 'small': 1.5e-7, 'neg': -0.25, 'f': false}]}",
        "{'rows': [{'x': -0, 'y': 1E+2, 'z': 'a\\nb\\u00e9'}, {'z': 'c', 'x': 2}, {'x': 3, 'z': 'd'}]}",
        "{'rows': [{'x': 9223372036854775807, 'y': -9223372036854775809, 'z': ''}]}",
        "{'rows': [{}]}",
        "  {'rows':[{'x':1}]}  "
    })
    void readsTheRowsLayoutStraightAndExactlyAsTheTreeDoes(String body) {
        assertNotNull(RecordsFastPath.tryRead(bytes(body)), "the plain rows layout takes the streamed path");
        List<Row> streamed = PredictBody.read(bytes(body)).rows(schema, 100);
        List<Row> tree = PredictBodyParser.parse(Json.tree(bytes(body)), schema, 100);
        assertEquals(cells(tree), cells(streamed));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'rows': [{'x': 1, 'x': 2}]}",
        "{'rows': [{'x': 1}], 'extra': true}",
        "{'extra': true, 'rows': [{'x': 1}]}",
        "{'instances': [[1, 2.5, 'red']]}",
        "{'inputs': {'x': [1, 2]}}",
        "{'dataframe_split': {'columns': ['x'], 'data': [[1]]}}"
    })
    void otherShapesAreReadTheGeneralWay(String body) {
        assertNull(RecordsFastPath.tryRead(bytes(body)));
        assertEquals(cells(PredictBodyParser.parse(Json.tree(bytes(body)), schema, 100)),
                cells(PredictBody.read(bytes(body)).rows(schema, 100)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'rows': []}",
        "{'rows': [{'x': [1]}]}",
        "{'rows': [{'x': {'a': 1}}]}",
        "{'rows': [1]}",
        "{'rows': {'x': 1}}",
        "{'rows': [{'x': 1}]} trailing",
        "{'rows': [{'x': 1}",
        "[]",
        "{'rows': [{'x': 1}, {'x': 2}, {'x': 3}]}"
    })
    void badBodiesGetTheSameErrorBothWays(String body) {
        ApiException viaTree = assertThrows(ApiException.class,
                () -> PredictBodyParser.parse(Json.tree(bytes(body)), schema, 2));
        ApiException viaBody = assertThrows(ApiException.class, () -> PredictBody.read(bytes(body)).rows(schema, 2));
        assertEquals(viaTree.status(), viaBody.status());
        assertEquals(viaTree.getMessage(), viaBody.getMessage());
    }
}
