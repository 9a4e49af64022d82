package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * One input tensor of a v2 inference request, checked: a name, a datatype, a shape of
 * non-negative dimensions and its elements in row-major order ({@code data} may be flat or nested
 * arrays; either way the element count must equal the shape's product).
 */
record V2Tensor(String name, V2Datatype datatype, List<Long> shape, List<JsonNode> elements) {
    private static final long MAX_ELEMENTS = (long) Integer.MAX_VALUE + 1;

    V2Tensor {
        shape = List.copyOf(shape);
        elements = List.copyOf(elements);
    }

    /** Reads and checks {@code inputs[index]}. */
    static V2Tensor parse(JsonNode tensor, int index) {
        String where = "inputs[" + index + "]";
        if (!tensor.isObject()) {
            throw ApiException.badRequest(where + " must be a tensor object with name, shape, datatype and data");
        }
        JsonNode name = tensor.get("name");
        if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
            throw ApiException.badRequest(where + ".name must be a non-empty string");
        }
        String tensorName = name.textValue();
        String named = "input '" + tensorName + "'";
        JsonNode datatype = tensor.get("datatype");
        if (datatype == null || !datatype.isTextual()) {
            throw ApiException.badRequest(named + " needs a datatype (a string such as FP64 or BYTES)");
        }
        V2Datatype type = V2Datatype.parse(datatype.textValue(), tensorName);
        List<Long> dims = shape(tensor.get("shape"), named);
        JsonNode data = tensor.get("data");
        if (data == null || !data.isArray()) {
            throw ApiException.badRequest(named + " needs data (an array, flat or nested)");
        }
        List<JsonNode> elements = new ArrayList<>();
        flatten(data, elements);
        long expected = 1;
        for (long d : dims) {
            expected = Math.min(expected * d, MAX_ELEMENTS); // capped before it could overflow
        }
        if (expected != elements.size()) {
            throw ApiException.badRequest(named + " has shape " + dims + " (" + expected + " values) but "
                    + elements.size() + " data values");
        }
        return new V2Tensor(tensorName, type, dims, elements);
    }

    /** The row text of element {@code i}, checked against the datatype. */
    String cell(int i) {
        return datatype.cell(elements.get(i), "input '" + name + "' data[" + i + "]");
    }

    private static List<Long> shape(JsonNode shape, String named) {
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw ApiException.badRequest(named + " needs a shape (a non-empty array of dimensions)");
        }
        List<Long> dims = new ArrayList<>(shape.size());
        for (JsonNode d : shape) {
            if (!d.canConvertToExactIntegral() || !d.isNumber() || d.longValue() < 0
                    || d.longValue() > Integer.MAX_VALUE) {
                throw ApiException.badRequest(named + " has an invalid shape " + shape
                        + "; dimensions must be non-negative whole numbers");
            }
            dims.add(d.longValue());
        }
        return dims;
    }

    private static void flatten(JsonNode data, List<JsonNode> out) {
        for (JsonNode element : data) {
            if (element.isArray()) {
                flatten(element, out);
            } else {
                out.add(element);
            }
        }
    }
}
