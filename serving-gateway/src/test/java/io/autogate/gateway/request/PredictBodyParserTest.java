package io.autogate.gateway.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictBodyParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Schema schema = RequestFixtures.smallSchema(true);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private List<Row> parse(String body) {
        return PredictBodyParser.parse(json(body), schema);
    }

    private ApiException fails(String body) {
        return assertThrows(ApiException.class, () -> parse(body));
    }

    @Test
    void readsAutogateRowsWithEveryValueKind() {
        List<Row> rows = parse("{'rows': [{'x': 39, 'y': 2.5, 'z': 'red', 'flag': true, 'gone': null},"
                + " {'x': -1, 'y': 0.0, 'z': 'blue'}]}");
        assertEquals(2, rows.size());
        Row first = rows.get(0);
        assertEquals("39", first.get("x"));
        assertEquals("2.5", first.get("y"));
        assertEquals("red", first.get("z"));
        assertEquals("true", first.get("flag"));
        assertTrue(first.has("gone"));
        assertNull(first.get("gone"));
        assertEquals("-1", rows.get(1).get("x"));
        assertEquals("0.0", rows.get(1).get("y"));
    }

    @Test
    void numbersKeepTheirDigits() {
        Row row = parse("{'rows': [{'big': 123456789012345678901234567890, 'e': 1e10, 'small': 1.5e-7,"
                + " 'neg': -0.25, 'f': false}]}").get(0);
        assertEquals("123456789012345678901234567890", row.get("big"));
        assertEquals("10000000000", row.get("e"));
        assertEquals("0.00000015", row.get("small"));
        assertEquals("-0.25", row.get("neg"));
        assertEquals("false", row.get("f"));
    }

    @Test
    void decimalsAreExactWhenTheParserReadsBigDecimals() throws Exception {
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode body = exact.readTree("{\"rows\": [{\"x\": 0.1000000000000000055511151231257827, \"y\": 2.50}]}");
        Row row = PredictBodyParser.parse(body, schema).get(0);
        assertEquals("0.1000000000000000055511151231257827", row.get("x"));
        assertEquals("2.5", row.get("y"), "Jackson's tree strips trailing zeros of big decimals by default");
    }

    @Test
    void readsTfServingInstancesAsObjectsOrFeatureOrderArrays() {
        List<Row> rows = parse("{'instances': [{'x': 1, 'y': 2, 'z': 'a'}, [3, 4.5, 'b']]}");
        assertEquals("1", rows.get(0).get("x"));
        assertEquals("3", rows.get(1).get("x"));
        assertEquals("4.5", rows.get(1).get("y"));
        assertEquals("b", rows.get(1).get("z"));
    }

    @Test
    void anInstanceArrayMustHaveOneValuePerFeatureColumn() {
        ApiException e = fails("{'instances': [[1, 2, 'a'], [1, 2]]}");
        assertEquals(400, e.status());
        assertEquals("instances[1] has 2 values but the model has 3 feature columns, in this order: x, y, z",
                e.getMessage());
        assertTrue(fails("{'instances': [5]}").getMessage().startsWith("instances[0] must be an object"));
        assertTrue(fails("{'instances': {'x': 1}}").getMessage().startsWith("'instances' must be an array"));
    }

    @Test
    void readsTfServingColumnarInputs() {
        List<Row> rows = parse("{'inputs': {'x': [1, 2], 'y': [0.5, null], 'z': ['a', 'b']}}");
        assertEquals(2, rows.size());
        assertEquals("2", rows.get(1).get("x"));
        assertNull(rows.get(1).get("y"));
        assertTrue(rows.get(1).has("y"));
        assertEquals("a", rows.get(0).get("z"));
    }

    @Test
    void columnarInputsMustHaveEqualLengths() {
        assertEquals("inputs.y has 1 values but inputs.x has 2",
                fails("{'inputs': {'x': [1, 2], 'y': [3]}}").getMessage());
        assertEquals("inputs.x must be an array of values", fails("{'inputs': {'x': 1}}").getMessage());
        assertEquals("no rows to score", fails("{'inputs': {}}").getMessage());
        assertEquals("no rows to score", fails("{'inputs': {'x': []}}").getMessage());
    }

    @Test
    void readsMlflowDataframeRecordsAndSplit() {
        List<Row> records = parse("{'dataframe_records': [{'x': 1, 'z': 'q'}]}");
        assertEquals("q", records.get(0).get("z"));
        List<Row> split = parse("{'dataframe_split': {'index': [7, 8], 'columns': ['x', 'y', 'z'],"
                + " 'data': [[1, 2, 'a'], [3, null, 'b']]}}");
        assertEquals(2, split.size());
        assertEquals("3", split.get(1).get("x"));
        assertNull(split.get(1).get("y"));
        assertEquals("b", split.get(1).get("z"));
        assertEquals(1, parse("{'dataframe_split': {'columns': ['x'], 'data': [[1]]}}").size(), "index is optional");
    }

    @Test
    void dataframeSplitRowsMustMatchTheColumns() {
        assertEquals("dataframe_split.data[1] has 2 values but there are 3 columns",
                fails("{'dataframe_split': {'columns': ['x', 'y', 'z'], 'data': [[1, 2, 'a'], [1, 2]]}}").getMessage());
        assertEquals("dataframe_split.index must be an array with one entry per data row (1)",
                fails("{'dataframe_split': {'index': [1, 2], 'columns': ['x'], 'data': [[1]]}}").getMessage());
        assertEquals("dataframe_split.columns names 'x' twice",
                fails("{'dataframe_split': {'columns': ['x', 'x'], 'data': [[1, 2]]}}").getMessage());
        assertEquals("dataframe_split.columns must be an array of column names",
                fails("{'dataframe_split': {'data': [[1]]}}").getMessage());
        assertEquals("dataframe_split.data must be an array of value arrays",
                fails("{'dataframe_split': {'columns': ['x']}}").getMessage());
        assertEquals("dataframe_split.data[0] must be an array of values",
                fails("{'dataframe_split': {'columns': ['x'], 'data': [{'x': 1}]}}").getMessage());
        assertEquals("dataframe_split.columns[0] must be a column name (a string)",
                fails("{'dataframe_split': {'columns': [1], 'data': [[1]]}}").getMessage());
    }

    @Test
    void theBodyMustBeAnObjectWithExactlyOneKnownLayout() {
        assertEquals("request body must be a JSON object", fails("[{'x': 1}]").getMessage());
        assertEquals("expected one of rows, instances, inputs, dataframe_records, dataframe_split",
                fails("{'data': [{'x': 1}]}").getMessage());
        assertEquals("expected one of rows, instances, inputs, dataframe_records, dataframe_split;"
                + " the body has several: rows, instances", fails("{'rows': [{'x': 1}], 'instances': [[1, 2, 3]]}")
                .getMessage());
        assertThrows(ApiException.class, () -> PredictBodyParser.parse(null, schema));
    }

    @Test
    void rowsMustBeANonEmptyArrayOfObjects() {
        assertEquals("no rows to score", fails("{'rows': []}").getMessage());
        assertEquals("rows[1] must be an object mapping column to value", fails("{'rows': [{'x': 1}, 5]}").getMessage());
        assertEquals("'rows' must be an array of objects", fails("{'rows': {'x': 1}}").getMessage());
        assertEquals("dataframe_records[0] must be an object mapping column to value",
                fails("{'dataframe_records': [[1]]}").getMessage());
    }

    @Test
    void cellsMustBeScalars() {
        assertEquals("rows[0].x must be a string, number, boolean or null, got an object",
                fails("{'rows': [{'x': {'a': 1}}]}").getMessage());
        assertEquals("rows[0].x must be a string, number, boolean or null, got an array",
                fails("{'rows': [{'x': [1]}]}").getMessage());
        assertEquals("dataframe_split.data[0][1] must be a string, number, boolean or null, got an array",
                fails("{'dataframe_split': {'columns': ['x', 'y'], 'data': [[1, [2]]]}}").getMessage());
        assertEquals("inputs.x[1] must be a string, number, boolean or null, got an object",
                fails("{'inputs': {'x': [1, {}]}}").getMessage());
    }

    @Test
    void tooManyRowsIs413() {
        JsonNode body = json("{'rows': [{'x': 1}, {'x': 2}, {'x': 3}]}");
        ApiException e = assertThrows(ApiException.class, () -> PredictBodyParser.parse(body, schema, 2));
        assertEquals(413, e.status());
        assertEquals("too_many_rows", e.code());
        assertEquals("request has 3 rows, more than the limit of 2 per request", e.getMessage());
        assertEquals(3, PredictBodyParser.parse(body, schema, 3).size());
        JsonNode columnar = json("{'inputs': {'x': [1, 2, 3]}}");
        assertEquals(413, assertThrows(ApiException.class, () -> PredictBodyParser.parse(columnar, schema, 1)).status());
        assertThrows(IllegalArgumentException.class, () -> PredictBodyParser.parse(body, schema, 0));
    }

    @Test
    void rowsOfOneRequestAreIndependent() {
        List<Row> rows = parse("{'rows': [{'x': 1}, {'y': 2}]}");
        assertTrue(rows.get(0).has("x"));
        assertFalse(rows.get(0).has("y"));
        assertFalse(rows.get(1).has("x"));
    }
}
