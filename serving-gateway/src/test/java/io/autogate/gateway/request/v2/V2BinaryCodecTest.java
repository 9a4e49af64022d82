package io.autogate.gateway.request.v2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.ApiException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binary tensor elements read as the same row text their JSON form gives, and bad bytes refused. */
class V2BinaryCodecTest {
    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static List<String> cells(V2Datatype type, ByteBuffer data, int count) {
        data.flip();
        return V2BinaryCodec.decode(type, data, count, "input 'v'").stream()
                .map(node -> type.cell(node, "input 'v'")).toList();
    }

    private static String fails(V2Datatype type, ByteBuffer data, int count) {
        data.flip();
        return assertThrows(ApiException.class, () -> V2BinaryCodec.decode(type, data, count, "input 'v'")).getMessage();
    }

    @Test
    void everyFixedWidthTypeReadsLittleEndian() {
        assertEquals(List.of("true", "false"), cells(V2Datatype.BOOL, le(2).put((byte) 1).put((byte) 0), 2));
        assertEquals(List.of("255", "7"), cells(V2Datatype.UINT8, le(2).put((byte) -1).put((byte) 7), 2));
        assertEquals(List.of("-1"), cells(V2Datatype.INT8, le(1).put((byte) -1), 1));
        assertEquals(List.of("65535"), cells(V2Datatype.UINT16, le(2).putShort((short) -1), 1));
        assertEquals(List.of("-2"), cells(V2Datatype.INT16, le(2).putShort((short) -2), 1));
        assertEquals(List.of("1.5"), cells(V2Datatype.FP16, le(2).putShort(Float.floatToFloat16(1.5f)), 1));
        assertEquals(List.of("4294967295"), cells(V2Datatype.UINT32, le(4).putInt(-1), 1));
        assertEquals(List.of("-7", "39"), cells(V2Datatype.INT32, le(8).putInt(-7).putInt(39), 2));
        assertEquals(List.of("0.1"), cells(V2Datatype.FP32, le(4).putFloat(0.1f), 1), "a float keeps its own short text");
        assertEquals(List.of("18446744073709551615"), cells(V2Datatype.UINT64, le(8).putLong(-1), 1));
        assertEquals(List.of("-9000000000"), cells(V2Datatype.INT64, le(8).putLong(-9_000_000_000L), 1));
        assertEquals(List.of("79.25", "0.1"), cells(V2Datatype.FP64, le(16).putDouble(79.25).putDouble(0.1), 2));
        ByteBuffer bytes = le(2).put((byte) 0x27).put((byte) 0x00);
        bytes.flip();
        assertEquals(39, V2BinaryCodec.decode(V2Datatype.INT16, bytes, 1, "x").get(0).intValue(), "low byte first");
    }

    @Test
    void bytesElementsAreLengthPrefixedUtf8() {
        byte[] oslo = "Oslo".getBytes(StandardCharsets.UTF_8);
        byte[] zurich = "Zürich".getBytes(StandardCharsets.UTF_8);
        ByteBuffer data = le(8 + oslo.length + zurich.length).putInt(oslo.length).put(oslo).putInt(zurich.length).put(zurich);
        assertEquals(List.of("Oslo", "Zürich"), cells(V2Datatype.BYTES, data, 2));
        assertEquals(List.of(""), cells(V2Datatype.BYTES, le(4).putInt(0), 1));
    }

    @Test
    void badBytesAreRefusedNamingTheInputAndElement() {
        assertEquals("input 'v' has 2 FP64 values, which take 16 bytes, but its binary_data_size is 12",
                fails(V2Datatype.FP64, le(12).putDouble(1).putInt(0), 2));
        assertEquals("input 'v' element 0 is byte 2; a BOOL is 0 or 1", fails(V2Datatype.BOOL, le(1).put((byte) 2), 1));
        assertEquals("input 'v' element 0 claims 9 bytes but only 2 are left",
                fails(V2Datatype.BYTES, le(6).putInt(9).put((byte) 'a').put((byte) 'b'), 1));
        assertEquals("input 'v' binary data ends before the 4-byte length of element 1",
                fails(V2Datatype.BYTES, le(9).putInt(3).put("abc".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0), 2));
        assertEquals("input 'v' has 3 bytes left after its 1 BYTES values; its binary_data_size must cover exactly its elements",
                fails(V2Datatype.BYTES, le(8).putInt(1).put((byte) 'a').put(new byte[3]), 1));
        assertEquals("input 'v' has 1000000000 BYTES values, which take at least 4000000000 bytes, but its "
                + "binary_data_size is 4", fails(V2Datatype.BYTES, le(4).putInt(0), 1_000_000_000));
        assertEquals("input 'v' element 0 is not UTF-8 text",
                fails(V2Datatype.BYTES, le(6).putInt(2).put((byte) 0xC3).put((byte) 0x28), 1));
    }

    @Test
    void outputsEncodeAsTheyDecode() throws Exception {
        JsonNode labels = new ObjectMapper().readTree("[\"yes\", \"nö\"]");
        ByteBuffer encoded = ByteBuffer.wrap(V2BinaryCodec.encode("BYTES", labels)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(List.of("yes", "nö"),
                V2BinaryCodec.decode(V2Datatype.BYTES, encoded, 2, "x").stream().map(JsonNode::asText).toList());
        byte[] doubles = V2BinaryCodec.encode("FP64", new ObjectMapper().readTree("[0.25, -3]"));
        assertArrayEquals(le(16).putDouble(0.25).putDouble(-3).array(), doubles);
    }
}
