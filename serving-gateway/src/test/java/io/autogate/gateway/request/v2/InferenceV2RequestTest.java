package io.autogate.gateway.request.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.request.RequestFixtures;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceV2RequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Feature columns x, y (numeric), z (categorical). */
    private final Schema schema = RequestFixtures.smallSchema(true);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private InferenceV2Request parse(String body) {
        return InferenceV2Request.parse(json(body), schema);
    }

    private String fails(String body) {
        ApiException e = assertThrows(ApiException.class, () -> parse(body));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void readsOneTensorPerColumnWithFlatAndNestedData() {
        InferenceV2Request request = parse("{'id': 'abc', 'inputs': ["
                + "{'name': 'x', 'shape': [2], 'datatype': 'INT64', 'data': [39, 51]},"
                + "{'name': 'y', 'shape': [2, 1], 'datatype': 'FP32', 'data': [[2.5], [null]]},"
                + "{'name': 'z', 'shape': [2, 1], 'datatype': 'BYTES', 'data': ['red', 'blue']}]}");
        assertEquals("abc", request.id());
        List<Row> rows = request.rows();
        assertEquals(2, rows.size());
        assertEquals("39", rows.get(0).get("x"));
        assertEquals("2.5", rows.get(0).get("y"));
        assertEquals("red", rows.get(0).get("z"));
        assertEquals("51", rows.get(1).get("x"));
        assertTrue(rows.get(1).has("y"));
        assertNull(rows.get(1).get("y"));
        assertEquals("blue", rows.get(1).get("z"));
    }

    @Test
    void readsOneMatrixInFeatureOrderWithNestedOrFlatData() {
        List<Row> nested = parse("{'inputs': [{'name': 'input-0', 'shape': [2, 3], 'datatype': 'BYTES',"
                + " 'data': [['1', '2', 'a'], ['3', '4', 'b']]}]}").rows();
        List<Row> flat = parse("{'inputs': [{'name': 'input-0', 'shape': [2, 3], 'datatype': 'BYTES',"
                + " 'data': ['1', '2', 'a', '3', '4', 'b']}]}").rows();
        for (List<Row> rows : List.of(nested, flat)) {
            assertEquals(2, rows.size());
            assertEquals("1", rows.get(0).get("x"));
            assertEquals("a", rows.get(0).get("z"));
            assertEquals("4", rows.get(1).get("y"));
            assertEquals("b", rows.get(1).get("z"));
        }
        assertNull(parse("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'BYTES', 'data': ['1', '2', 'a']}]}")
                .id());
    }

    @Test
    void aNumericMatrixFeedsANumericModel() {
        Schema numeric = new Schema(List.of(ColumnSpec.of("a", ColumnType.NUMERIC), ColumnSpec.of("b", ColumnType.NUMERIC)),
                "t", TaskType.REGRESSION, null);
        List<Row> rows = InferenceV2Request.parse(json("{'inputs': [{'name': 'features', 'shape': [3, 2],"
                + " 'datatype': 'FP64', 'data': [[1, 2], [3, 4], [5.5, 6]]}]}"), numeric).rows();
        assertEquals(3, rows.size());
        assertEquals("5.5", rows.get(2).get("a"));
        assertEquals("6", rows.get(2).get("b"));
    }

    @Test
    void aSingleFeatureModelTakesItsColumnTensor() {
        Schema one = new Schema(List.of(ColumnSpec.of("a", ColumnType.BOOLEAN)), "t", TaskType.REGRESSION, null);
        List<Row> rows = InferenceV2Request.parse(json("{'inputs': [{'name': 'a', 'shape': [2, 1],"
                + " 'datatype': 'BOOL', 'data': [true, false]}]}"), one).rows();
        assertEquals("true", rows.get(0).get("a"));
        assertEquals("false", rows.get(1).get("a"));
    }

    @Test
    void theShapeMustMatchTheData() {
        assertEquals("input 'x' has shape [3] (3 values) but 2 data values",
                fails("{'inputs': [{'name': 'x', 'shape': [3], 'datatype': 'FP64', 'data': [1, 2]}]}"));
        assertEquals("input 'm' has shape [2, 3] (6 values) but 5 data values",
                fails("{'inputs': [{'name': 'm', 'shape': [2, 3], 'datatype': 'FP64', 'data': [[1, 2, 3], [4, 5]]}]}"));
        assertTrue(fails("{'inputs': [{'name': 'x', 'shape': [-1], 'datatype': 'FP64', 'data': [1]}]}")
                .startsWith("input 'x' has an invalid shape"));
        assertEquals("input 'x' needs a shape (a non-empty array of dimensions)",
                fails("{'inputs': [{'name': 'x', 'datatype': 'FP64', 'data': [1]}]}"));
        assertEquals("input 'x' needs data (an array, flat or nested)",
                fails("{'inputs': [{'name': 'x', 'shape': [1], 'datatype': 'FP64'}]}"));
    }

    @Test
    void columnTensorsMustAgreeOnTheRowCountAndShape() {
        assertEquals("input 'y' has 1 rows but input 'x' has 2",
                fails("{'inputs': [{'name': 'x', 'shape': [2], 'datatype': 'FP64', 'data': [1, 2]},"
                        + "{'name': 'y', 'shape': [1], 'datatype': 'FP64', 'data': [1]},"
                        + "{'name': 'z', 'shape': [2], 'datatype': 'BYTES', 'data': ['a', 'b']}]}"));
        assertEquals("input 'x' must have shape [N] or [N, 1], got [1, 2]",
                fails("{'inputs': [{'name': 'x', 'shape': [1, 2], 'datatype': 'FP64', 'data': [1, 2]},"
                        + "{'name': 'y', 'shape': [1], 'datatype': 'FP64', 'data': [1]}]}"));
    }

    @Test
    void unknownAndMissingColumnsAreNamed() {
        assertEquals("unknown input 'w'; send one tensor per feature column (x, y, z) or a single [N, 3] tensor",
                fails("{'inputs': [{'name': 'x', 'shape': [1], 'datatype': 'FP64', 'data': [1]},"
                        + "{'name': 'w', 'shape': [1], 'datatype': 'FP64', 'data': [1]}]}"));
        assertEquals("missing input tensor for feature column(s): y, z",
                fails("{'inputs': [{'name': 'x', 'shape': [1], 'datatype': 'FP64', 'data': [1]}]}"));
        assertTrue(fails("{'inputs': [{'name': 'm', 'shape': [2, 2], 'datatype': 'FP64', 'data': [1, 2, 3, 4]}]}")
                .startsWith("input 'm' is not a feature column, so it must be one [N, 3] tensor"));
        assertEquals("input 'x' is given twice",
                fails("{'inputs': [{'name': 'x', 'shape': [1], 'datatype': 'FP64', 'data': [1]},"
                        + "{'name': 'x', 'shape': [1], 'datatype': 'FP64', 'data': [1]}]}"));
    }

    @Test
    void valuesMustFitTheDatatype() {
        assertEquals("input 'm' data[2] must be a string for datatype BYTES, got 7",
                fails("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'BYTES', 'data': ['1', '2', 7]}]}"));
        assertEquals("input 'm' data[0] must be a number for datatype FP32, got \"a\"",
                fails("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'FP32', 'data': ['a', 2, 3]}]}"));
        assertEquals("input 'm' data[1] must be a whole number for datatype INT32, got 2.5",
                fails("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'INT32', 'data': [1, 2.5, 3]}]}"));
        assertEquals("input 'm' data[0] must be a non-negative whole number for datatype UINT8, got -1",
                fails("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'UINT8', 'data': [-1, 2, 3]}]}"));
        assertEquals("input 'm' data[0] must be a boolean for datatype BOOL, got 1",
                fails("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'BOOL', 'data': [1, true, false]}]}"));
        assertTrue(fails("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'FLOAT', 'data': [1, 2, 3]}]}")
                .startsWith("input 'm' has unknown datatype 'FLOAT'"));
        assertEquals("3", parse("{'inputs': [{'name': 'm', 'shape': [1, 3], 'datatype': 'INT64', 'data': [1, 2.0, 3]}]}")
                .rows().get(0).get("z"), "a whole float is a whole number");
    }

    @Test
    void theRequestItselfIsChecked() {
        assertEquals("request body must be a JSON object", fails("[1]"));
        assertEquals("'inputs' must be a non-empty array of tensors", fails("{'inputs': []}"));
        assertEquals("'inputs' must be a non-empty array of tensors", fails("{'id': 'x'}"));
        assertEquals("'id' must be a string", fails("{'id': 5, 'inputs': [{'name': 'm', 'shape': [1, 3],"
                + " 'datatype': 'FP64', 'data': [1, 2, 3]}]}"));
        assertEquals("inputs[0] must be a tensor object with name, shape, datatype and data", fails("{'inputs': [1]}"));
        assertEquals("inputs[0].name must be a non-empty string", fails("{'inputs': [{'shape': [1]}]}"));
        assertEquals("input 'm' needs a datatype (a string such as FP64 or BYTES)",
                fails("{'inputs': [{'name': 'm', 'shape': [1, 3], 'data': [1, 2, 3]}]}"));
        assertEquals("no rows to score", fails("{'inputs': [{'name': 'm', 'shape': [0, 3], 'datatype': 'FP64', 'data': []}]}"));
    }

    @Test
    void tooManyRowsIs413() {
        InferenceV2Body body = new InferenceV2Body(
                json("{'inputs': [{'name': 'm', 'shape': [2, 3], 'datatype': 'FP64', 'data': [1, 2, 3, 4, 5, 6]}]}"), null);
        ApiException e = assertThrows(ApiException.class, () -> InferenceV2Request.parse(body, schema, 1));
        assertEquals(413, e.status());
        assertEquals("too_many_rows", e.code());
        assertFalse(InferenceV2Request.parse(body, schema, 2).rows().isEmpty());
    }
}
