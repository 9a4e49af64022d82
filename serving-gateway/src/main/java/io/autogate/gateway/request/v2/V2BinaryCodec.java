package io.autogate.gateway.request.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.autogate.gateway.http.ApiException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensor elements in the binary tensor data extension's layout: little-endian, row-major, each
 * type in its native size (BOOL one byte, 0 or 1; FP16 IEEE half precision), and a BYTES element
 * as a 4-byte unsigned length followed by that many bytes (UTF-8 text here). Stateless.
 */
final class V2BinaryCodec {
    private V2BinaryCodec() {
    }

    /**
     * Reads {@code count} elements of a type from exactly the bytes of {@code data}, as the JSON
     * values the same elements would have had in a {@code data} array.
     *
     * @param named how to name the tensor in an error, e.g. {@code input 'age'}
     * @throws ApiException 400 when the bytes are not {@code count} elements of the type
     */
    static List<JsonNode> decode(V2Datatype type, ByteBuffer data, int count, String named) {
        int width = width(type);
        if (width > 0 && (long) count * width != data.remaining()) {
            throw ApiException.badRequest(named + " has " + count + " " + type + " values, which take "
                    + (long) count * width + " bytes, but its binary_data_size is " + data.remaining());
        }
        if (width == 0 && (long) count * Integer.BYTES > data.remaining()) {
            throw ApiException.badRequest(named + " has " + count + " BYTES values, which take at least "
                    + (long) count * Integer.BYTES + " bytes, but its binary_data_size is " + data.remaining());
        }
        List<JsonNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(switch (type) {
                case BOOL -> bool(data.get(), named, i);
                case UINT8 -> IntNode.valueOf(Byte.toUnsignedInt(data.get()));
                case INT8 -> IntNode.valueOf(data.get());
                case UINT16 -> IntNode.valueOf(Short.toUnsignedInt(data.getShort()));
                case INT16 -> IntNode.valueOf(data.getShort());
                case FP16 -> FloatNode.valueOf(Float.float16ToFloat(data.getShort()));
                case UINT32 -> LongNode.valueOf(Integer.toUnsignedLong(data.getInt()));
                case INT32 -> IntNode.valueOf(data.getInt());
                case FP32 -> FloatNode.valueOf(data.getFloat());
                case UINT64 -> unsigned(data.getLong());
                case INT64 -> LongNode.valueOf(data.getLong());
                case FP64 -> DoubleNode.valueOf(data.getDouble());
                case BYTES -> text(data, named, i);
            });
        }
        if (data.hasRemaining()) {
            throw ApiException.badRequest(named + " has " + data.remaining() + " bytes left after its " + count
                    + " BYTES values; its binary_data_size must cover exactly its elements");
        }
        return out;
    }

    /**
     * The elements of a JSON {@code data} array in binary form: BYTES from strings, FP64 from
     * numbers (the only output types the gateway answers with).
     */
    static byte[] encode(String datatype, JsonNode data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer scratch = ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode element : data) {
            scratch.clear();
            if (datatype.equals(V2Datatype.BYTES.name())) {
                byte[] text = element.asText().getBytes(StandardCharsets.UTF_8);
                out.write(scratch.putInt(text.length).array(), 0, Integer.BYTES);
                out.writeBytes(text);
            } else if (datatype.equals(V2Datatype.FP64.name())) {
                out.write(scratch.putDouble(element.doubleValue()).array(), 0, Double.BYTES);
            } else {
                throw new IllegalArgumentException("no binary form for output datatype " + datatype);
            }
        }
        return out.toByteArray();
    }

    private static int width(V2Datatype type) {
        return switch (type) {
            case BOOL, UINT8, INT8 -> 1;
            case UINT16, INT16, FP16 -> 2;
            case UINT32, INT32, FP32 -> 4;
            case UINT64, INT64, FP64 -> 8;
            case BYTES -> 0;
        };
    }

    private static JsonNode bool(byte b, String named, int i) {
        if (b != 0 && b != 1) {
            throw ApiException.badRequest(named + " element " + i + " is byte " + b + "; a BOOL is 0 or 1");
        }
        return BooleanNode.valueOf(b == 1);
    }

    private static JsonNode unsigned(long bits) {
        return bits >= 0 ? LongNode.valueOf(bits) : BigIntegerNode.valueOf(new BigInteger(Long.toUnsignedString(bits)));
    }

    private static JsonNode text(ByteBuffer data, String named, int i) {
        if (data.remaining() < Integer.BYTES) {
            throw ApiException.badRequest(named + " binary data ends before the 4-byte length of element " + i);
        }
        long length = Integer.toUnsignedLong(data.getInt());
        if (length > data.remaining()) {
            throw ApiException.badRequest(named + " element " + i + " claims " + length + " bytes but only "
                    + data.remaining() + " are left");
        }
        ByteBuffer bytes = data.slice(data.position(), (int) length);
        data.position(data.position() + (int) length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(bytes);
            return TextNode.valueOf(chars.toString());
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(named + " element " + i + " is not UTF-8 text");
        }
    }
}
