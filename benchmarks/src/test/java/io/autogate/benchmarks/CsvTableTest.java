package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path folder;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        CsvTable table = CsvTable.parse("id,name,note\r\n1,\"Braund, Mr. Owen\",plain\n"
                + "2,\"say \"\"hi\"\"\",\"two\nlines\"\n3,,\n", "test.csv");
        assertEquals(List.of("id", "name", "note"), table.header());
        assertEquals(3, table.rowCount());
        assertEquals(List.of("1", "Braund, Mr. Owen", "plain"), table.rows().get(0));
        assertEquals(List.of("2", "say \"hi\"", "two\nlines"), table.rows().get(1));
        assertEquals(List.of("3", "", ""), table.rows().get(2), "empty fields are kept");
    }

    @Test
    void toleratesAMissingFinalNewlineAndABom() {
        CsvTable table = CsvTable.parse("\uFEFFa,b\n1,2", "x");
        assertEquals(List.of("a", "b"), table.header());
        assertEquals(List.of("1", "2"), table.rows().get(0));
    }

    @Test
    void rejectsMalformedFilesWithTheLine() {
        BadInputException ragged = assertThrows(BadInputException.class,
                () -> CsvTable.parse("a,b\n1,2\n3\n", "f.csv"));
        assertTrue(ragged.getMessage().contains("line 3"), ragged.getMessage());
        assertThrows(BadInputException.class, () -> CsvTable.parse("a,b\n\"open,2\n", "f.csv"));
        assertThrows(BadInputException.class, () -> CsvTable.parse("", "f.csv"));
        assertThrows(BadInputException.class, () -> CsvTable.parse("a\n1\n", "f.csv").columnIndex("b"));
    }

    @Test
    void writesWhatItReads() throws Exception {
        CsvTable table = new CsvTable(List.of("name", "value"), List.of(
                List.of("Braund, Mr. Owen", "1"), List.of("say \"hi\"", ""), List.of("two\nlines", "3")));
        Path file = folder.resolve("t.csv");
        table.write(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("name,value\n\"Braund, Mr. Owen\",1\n\"say \"\"hi\"\"\",\n"), text);
        assertEquals(table, CsvTable.read(file));
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertEquals("plain", CsvTable.quote("plain"));
        assertEquals("\"a,b\"", CsvTable.quote("a,b"));
        assertEquals("\"a\"\"b\"", CsvTable.quote("a\"b"));
        assertEquals("\"a\rb\"", CsvTable.quote("a\rb"));
    }

    @Test
    void selectsRowsInTheGivenOrder() {
        CsvTable table = CsvTable.parse("x\n0\n1\n2\n", "x");
        assertEquals(List.of("2", "0"), table.selectRows(List.of(2, 0)).column("x"));
    }
}
