package io.autogate.gateway.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvChunkParserTest {
    private static final String TRICKY = "\uFEFFid,text,city\r\n"
            + "1,\"line one\nline two\",Zürich\r\n"
            + "2,\"say \"\"hi\"\", ok\",\"東京\"\n"
            + "\n"
            + "3,,\"\"\r"
            + "4,\"a,b\r\nc\",x";

    private static final List<List<String>> EXPECTED = List.of(
            List.of("id", "text", "city"),
            List.of("1", "line one\nline two", "Zürich"),
            List.of("2", "say \"hi\", ok", "東京"),
            List.of("3", "", ""),
            List.of("4", "a,b\r\nc", "x"));

    @Test
    void oneByteChunksGiveTheSameRecordsAsOneChunk() {
        byte[] bytes = TRICKY.getBytes(StandardCharsets.UTF_8);
        assertEquals(EXPECTED, fields(parseInChunks(bytes, bytes.length, 1 << 20)));
        assertEquals(EXPECTED, fields(parseInChunks(bytes, 1, 1 << 20)));
    }

    @Test
    void everySplitPointGivesTheSameRecords() {
        byte[] bytes = TRICKY.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            CsvChunkParser parser = new CsvChunkParser();
            List<CsvRecord> out = new ArrayList<>(parser.feed(Buffer.buffer(bytes).getBuffer(0, split)));
            out.addAll(parser.feed(java.util.Arrays.copyOfRange(bytes, split, bytes.length)));
            out.addAll(parser.finish());
            assertEquals(EXPECTED, fields(out), "split at " + split);
        }
    }

    @Test
    void recordsComeOutAsSoonAsTheyEnd() {
        CsvChunkParser parser = new CsvChunkParser();
        assertEquals(0, parser.feed("a,\"b\nc".getBytes(StandardCharsets.UTF_8)).size());
        assertTrue(parser.bufferedBytes() > 0);
        List<CsvRecord> records = parser.feed("\"\nd,e\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(List.of("a", "b\nc"), List.of("d", "e")), fields(records));
        assertEquals(0, parser.bufferedBytes());
        assertEquals(0, parser.finish().size());
    }

    @Test
    void aRecordOverTheLimitBecomesAnErrorAndParsingGoesOn() {
        String csv = "a,b\n" + "1,\"" + "x".repeat(100) + "\n,\"\n" + "2,3\n";
        List<CsvRecord> records = parseInChunks(csv.getBytes(StandardCharsets.UTF_8), 7, 50);
        assertEquals(3, records.size());
        assertTrue(records.get(0).ok());
        assertFalse(records.get(1).ok());
        assertEquals("record is longer than the limit of 50 bytes", records.get(1).error());
        assertArrayEquals(new String[] {"2", "3"}, records.get(2).fields());
    }

    @Test
    void unterminatedQuoteAtEndIsAnError() {
        List<CsvRecord> records = parseInChunks("a\n\"open".getBytes(StandardCharsets.UTF_8), 3, 1000);
        assertEquals(2, records.size());
        assertEquals("unterminated quoted field at end of input", records.get(1).error());
    }

    @Test
    void aPartialByteOrderMarkIsKeptAsData() {
        byte[] bytes = {(byte) 0xEF, 'a', ',', 'b'};
        List<CsvRecord> records = parseInChunks(bytes, 1, 1000);
        assertEquals(List.of(List.of(new String(new byte[] {(byte) 0xEF, 'a'}, StandardCharsets.UTF_8), "b")), fields(records));
    }

    @Test
    void strayQuotesAreKeptLiterally() {
        List<CsvRecord> records = parseInChunks("a\"b,\"c\"d\n".getBytes(StandardCharsets.UTF_8), 2, 1000);
        assertEquals(List.of(List.of("a\"b", "cd")), fields(records));
    }

    static List<CsvRecord> parseInChunks(byte[] bytes, int chunkSize, int maxRecordBytes) {
        CsvChunkParser parser = new CsvChunkParser(maxRecordBytes);
        List<CsvRecord> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            out.addAll(parser.feed(bytes, i, Math.min(chunkSize, bytes.length - i)));
        }
        out.addAll(parser.finish());
        return out;
    }

    private static List<List<String>> fields(List<CsvRecord> records) {
        return records.stream().map(r -> List.of(r.fields())).toList();
    }
}
