package io.autogate.gateway.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonChunkParserTest {
    @Test
    void linesSplitAcrossOneByteChunksParseAndBadLinesBecomeErrors() {
        String input = "{\"a\":1,\"s\":\"Zürich\\n\"}\r\n\n   \n[1,2]\n{oops\n{\"b\":null} x\n{\"c\":true}";
        List<NdjsonRecord> records = parse(input, 1, 1000);
        assertEquals(5, records.size());
        assertEquals(1, records.get(0).line());
        assertEquals("Zürich\n", records.get(0).object().get("s").asText());
        assertEquals("line 4 is not a JSON object", records.get(1).error());
        assertTrue(records.get(2).error().startsWith("line 5 is not valid JSON"), records.get(2).error());
        assertTrue(records.get(3).error().startsWith("line 6 is not valid JSON"), records.get(3).error());
        assertTrue(records.get(4).object().get("c").asBoolean());
        assertEquals(7, records.get(4).line());
    }

    @Test
    void aLineOverTheLimitIsAnErrorAndTheNextLineStillParses() {
        List<NdjsonRecord> records = parse("{\"a\":\"" + "x".repeat(200) + "\"}\n{\"b\":2}\n", 16, 64);
        assertEquals(2, records.size());
        assertEquals("line 1 is longer than the limit of 64 bytes", records.get(0).error());
        assertNull(records.get(0).object());
        assertEquals(2, records.get(1).object().get("b").asInt());
    }

    @Test
    void holdsOnlyTheUnfinishedLine() {
        NdjsonChunkParser parser = new NdjsonChunkParser();
        assertEquals(1, parser.feed("{\"a\":1}\n{\"b\"".getBytes(StandardCharsets.UTF_8)).size());
        assertEquals(4, parser.bufferedBytes());
        assertEquals(1, parser.feed(":2}\n".getBytes(StandardCharsets.UTF_8)).size());
        assertEquals(0, parser.bufferedBytes());
    }

    private static List<NdjsonRecord> parse(String input, int chunkSize, int maxLineBytes) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        NdjsonChunkParser parser = new NdjsonChunkParser(maxLineBytes);
        List<NdjsonRecord> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            out.addAll(parser.feed(bytes, i, Math.min(chunkSize, bytes.length - i)));
        }
        out.addAll(parser.finish());
        return out;
    }
}
