package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.ApiException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /**
     * Reads and checks {@code inputs[index]}; an input with a {@code binary_data_size} parameter
     * takes that many bytes from {@code binary} (see {@link InferenceV2Body}), which may be
     * {@code null} when the request has no binary part.
     */
    static V2Tensor parse(JsonNode tensor, int index, ByteBuffer binary) {
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
        long expected = 1;
        for (long d : dims) {
            expected = Math.min(expected * d, MAX_ELEMENTS); // capped before it could overflow
        }
        JsonNode binarySize = tensor.path("parameters").get("binary_data_size");
        if (binarySize != null) {
            return new V2Tensor(tensorName, type, dims, binaryElements(tensor, type, expected, binarySize, binary, named));
        }
        JsonNode data = tensor.get("data");
        if (data == null || !data.isArray()) {
            throw ApiException.badRequest(named + " needs data (an array, flat or nested)");
        }
        List<JsonNode> elements = new ArrayList<>();
        flatten(data, elements);
        if (expected != elements.size()) {
            throw ApiException.badRequest(named + " has shape " + dims + " (" + expected + " values) but "
                    + elements.size() + " data values");
        }
        return new V2Tensor(tensorName, type, dims, elements);
    }

    private static List<JsonNode> binaryElements(JsonNode tensor, V2Datatype type, long expected, JsonNode size,
                                                 ByteBuffer binary, String named) {
        if (tensor.has("data")) {
            throw ApiException.badRequest(named + " has both data and a binary_data_size; send one of them");
        }
        if (binary == null) {
            throw ApiException.badRequest(named + " has a binary_data_size but the request has no "
                    + InferenceV2Body.HEADER_LENGTH + " header giving the length of its JSON part");
        }
        if (!size.isIntegralNumber() || size.longValue() < 0) {
            throw ApiException.badRequest(named + " binary_data_size must be a whole number of bytes, got " + size);
        }
        if (size.longValue() > binary.remaining()) {
            throw ApiException.badRequest(named + " has a binary_data_size of " + size.longValue() + " bytes but only "
                    + binary.remaining() + " bytes of binary data are left");
        }
        if (expected >= MAX_ELEMENTS) {
            throw ApiException.badRequest(named + " has a shape of " + expected + " or more values, too many to read");
        }
        int bytes = (int) size.longValue();
        ByteBuffer data = binary.slice(binary.position(), bytes).order(ByteOrder.LITTLE_ENDIAN);
        binary.position(binary.position() + bytes);
        return V2BinaryCodec.decode(type, data, (int) expected, named);
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
