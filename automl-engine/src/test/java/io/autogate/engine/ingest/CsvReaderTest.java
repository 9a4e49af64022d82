package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] content) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.write(file, content);
        return file;
    }

    private Table read(String content) throws IOException {
        return CsvReader.read(write(content));
    }

    private String error(String content) throws IOException {
        Path file = write(content);
        return assertThrows(BadInputException.class, () -> CsvReader.read(file)).getMessage();
    }

    private String error(byte[] content) throws IOException {
        Path file = write(content);
        return assertThrows(BadInputException.class, () -> CsvReader.read(file)).getMessage();
    }

    @Test
    void readsHeaderRowsAndLineNumbers() throws IOException {
        Table t = read("a,b,c\n1,2,3\n4,,6\n");
        assertEquals(List.of("a", "b", "c"), t.header());
        assertEquals(2, t.rows().size());
        assertArrayEquals(new String[] {"1", "2", "3"}, t.rows().get(0));
        assertArrayEquals(new String[] {"4", "", "6"}, t.rows().get(1));
        assertEquals(List.of(2, 3), t.lineNumbers());
    }

    @Test
    void unquotesEmbeddedCommasDoubledQuotesAndNewlines() throws IOException {
        Table t = read("name,quote,n\n"
                + "\"Braund, Mr. Owen\",\"He said \"\"hi\"\"\",1\n"
                + "\"two\nlines\",\"\",2\n"
                + "plain,\"a,b\nc\"\"d\",3\n"
                + "last,x,4\n");
        assertEquals(4, t.rows().size());
        assertArrayEquals(new String[] {"Braund, Mr. Owen", "He said \"hi\"", "1"}, t.rows().get(0));
        assertArrayEquals(new String[] {"two\nlines", "", "2"}, t.rows().get(1));
        assertArrayEquals(new String[] {"plain", "a,b\nc\"d", "3"}, t.rows().get(2));
        // rows start on physical lines 2, 3, 5 and 7 because of the line breaks inside quotes
        assertEquals(List.of(2, 3, 5, 7), t.lineNumbers());
    }

    @Test
    void quoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws IOException {
        Table t = read("a,b\n5'11\",x\n");
        assertArrayEquals(new String[] {"5'11\"", "x"}, t.rows().get(0));
    }

    @Test
    void skipsUtf8ByteOrderMark() throws IOException {
        byte[] body = "id,ville\n1,Zürich\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Table t = CsvReader.read(write(withBom));
        assertEquals(List.of("id", "ville"), t.header());
        assertEquals("Zürich", t.rows().get(0)[1]);
    }

    @Test
    void sniffsSemicolonEvenWithDecimalCommas() throws IOException {
        Table t = read("a;b;c\n1,5;2,25;x\n3;4;\"y;z\"\n");
        assertEquals(List.of("a", "b", "c"), t.header());
        assertArrayEquals(new String[] {"1,5", "2,25", "x"}, t.rows().get(0));
        assertArrayEquals(new String[] {"3", "4", "y;z"}, t.rows().get(1));
    }

    @Test
    void sniffsTab() throws IOException {
        Table t = read("name\tcity, country\tn\nAnn\tParis, France\t1\nBob\tLyon, France\t2\n");
        assertEquals(List.of("name", "city, country", "n"), t.header());
        assertArrayEquals(new String[] {"Bob", "Lyon, France", "2"}, t.rows().get(1));
    }

    @Test
    void commaWinsWhenTextFieldsHoldSemicolons() throws IOException {
        Table t = read("a,b\nx;y,1\nz,2\n");
        assertEquals(List.of("a", "b"), t.header());
        assertArrayEquals(new String[] {"x;y", "1"}, t.rows().get(0));
    }

    @Test
    void handlesCrlfLineEndingsInsideAndOutsideQuotes() throws IOException {
        Table t = read("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n");
        assertEquals(List.of("a", "b"), t.header());
        assertArrayEquals(new String[] {"1", "x\r\ny"}, t.rows().get(0));
        assertArrayEquals(new String[] {"2", "z"}, t.rows().get(1));
        assertEquals(List.of(2, 4), t.lineNumbers());
    }

    @Test
    void lastLineWithoutNewlineAndTrailingEmptyField() throws IOException {
        Table t = read("a,b\n1,");
        assertArrayEquals(new String[] {"1", ""}, t.rows().get(0));
    }

    @Test
    void ignoresBlankTrailingLinesAndBlankLinesBetweenRows() throws IOException {
        Table t = read("a,b\n1,2\n\n3,4\n\n  \n\n");
        assertEquals(2, t.rows().size());
        assertEquals(List.of(2, 4), t.lineNumbers());
    }

    @Test
    void stripsSpacesAroundHeaderNamesButNotValues() throws IOException {
        Table t = read(" a , b\n x ,y\n");
        assertEquals(List.of("a", "b"), t.header());
        assertArrayEquals(new String[] {" x ", "y"}, t.rows().get(0));
    }

    @Test
    void readsASingleColumnFileKeepingBlankValuesButNotTrailingBlankLines() throws IOException {
        Table t = read("value\n1\n\n3\n\n\n");
        assertEquals(List.of("value"), t.header());
        assertEquals(List.of("1", "", "3"), t.rows().stream().map(r -> r[0]).toList());
    }

    @Test
    void readsFromAStreamAndFromBytes() {
        byte[] bytes = "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8);
        Table fromStream = CsvReader.read(new ByteArrayInputStream(bytes), "upload");
        Table fromBytes = CsvReader.read(bytes, "upload");
        assertEquals(fromStream.header(), fromBytes.header());
        assertEquals(Arrays.asList(fromStream.rows().get(0)), Arrays.asList(fromBytes.rows().get(0)));
    }

    @Test
    void rejectsBinaryContentWithNulBytes() throws IOException {
        byte[] bytes = {'a', ',', 'b', '\n', '1', 0, 2, 3};
        String message = error(bytes);
        assertTrue(message.contains("is not a text CSV file (binary content at byte 5)"), message);
        assertTrue(message.startsWith(dir.resolve("data.csv").toString()), message);
    }

    @Test
    void rejectsInvalidUtf8AtTheStartAsBinary() throws IOException {
        byte[] gzipLike = {'a', ',', 'b', (byte) 0x8B, 0x08, '\n', '1', ',', '2', '\n'};
        String message = error(gzipLike);
        assertTrue(message.contains("not a text CSV file (binary content at byte 3)"), message);
    }

    @Test
    void rejectsLatin1TextFurtherDownAsNotUtf8WithTheLine() throws IOException {
        StringBuilder sb = new StringBuilder("name,n\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("row").append(i).append(",").append(i).append('\n');
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "Z\u00fcrich,1\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        String message = error(all);
        assertTrue(message.contains("is not UTF-8 text (invalid byte at byte " + (head.length + 1) + ", line 1002)"),
                message);
    }

    @Test
    void rejectsEmptyFiles() throws IOException {
        assertTrue(error("").endsWith("data.csv is empty"), error(""));
        assertTrue(error("\n \n").endsWith("data.csv is empty"));
    }

    @Test
    void rejectsHeaderWithoutRows() throws IOException {
        assertTrue(error("a,b,c\n").endsWith("has a header but no data rows"));
        assertTrue(error("a,b,c\n\n\n").endsWith("has a header but no data rows"));
    }

    @Test
    void rejectsDuplicateHeaderNames() throws IOException {
        String message = error("a,b,a\n1,2,3\n");
        assertTrue(message.contains("the column name 'a' twice (columns 1 and 3)"), message);
    }

    @Test
    void rejectsEmptyHeaderNames() throws IOException {
        String message = error(",b,c\n1,2,3\n");
        assertTrue(message.contains("empty column name (column 1 of 3)"), message);
    }

    @Test
    void rejectsRaggedRowsNamingTheLine() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c,d\n");
        for (int i = 2; i < 17; i++) {
            sb.append("1,2,3,4\n");
        }
        sb.append("1,2,3,4,5\n");
        String message = error(sb.toString());
        assertTrue(message.contains("line 17 has 5 fields, the header has 4"), message);

        String tooFew = error("a,b,c\n1,2,3\n\"x\ny\",2\n");
        assertTrue(tooFew.contains("line 3 has 2 fields, the header has 3"), tooFew);
    }

    @Test
    void rejectsAnUnterminatedQuoteNamingTheLineItStartsOn() throws IOException {
        String message = error("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
        assertTrue(message.contains("starting on line 3"), message);
        assertTrue(message.contains("unterminated quote"), message);
    }

    @Test
    void rejectsMissingFilesAndDirectories() {
        Path missing = dir.resolve("nope.csv");
        assertEquals(missing + " does not exist",
                assertThrows(BadInputException.class, () -> CsvReader.read(missing)).getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> CsvReader.read(dir)).getMessage()
                .endsWith("is a directory, not a CSV file"));
    }
}
