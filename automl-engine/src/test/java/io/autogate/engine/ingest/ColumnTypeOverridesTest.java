package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Dataset;
import io.autogate.engine.data.Table;
import io.autogate.runtime.schema.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column types set by the user instead of inferred: applied when the values allow, refused naming the column otherwise. */
class ColumnTypeOverridesTest {
    /** 40 rows: a numeric store code, a label that reads as numbers but one, a date, a numeric feature and a target. */
    private static Table table() {
        StringBuilder csv = new StringBuilder("store,grade,day,size,sold\n");
        for (int i = 0; i < 40; i++) {
            csv.append(100 + i % 4).append(',').append(i == 7 ? "n/a-ish" : String.valueOf(i % 5)).append(',')
                    .append(String.format("2024-01-%02d", 1 + i % 28)).append(',').append(i * 1.5).append(',')
                    .append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        return CsvReader.read(csv.toString().getBytes(StandardCharsets.UTF_8), "sales.csv");
    }

    private static ColumnType typeOf(Dataset d, String column) {
        return d.schema().columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().type();
    }

    @Test
    void aNumericCodeBecomesACategoryAndADateStaysADate() {
        Dataset inferred = DatasetLoader.fromTable(table(), "sold", null, "x");
        assertEquals(ColumnType.NUMERIC, typeOf(inferred, "store"));
        Dataset set = DatasetLoader.fromTable(table(), "sold", null, "x", "sales.csv",
                Map.of("store", ColumnType.CATEGORICAL, "size", ColumnType.TEXT, "day", ColumnType.DATETIME));
        assertEquals(ColumnType.CATEGORICAL, typeOf(set, "store"));
        assertEquals(ColumnType.TEXT, typeOf(set, "size"));
        assertEquals(ColumnType.DATETIME, typeOf(set, "day"));
        assertTrue(set.schema().featureColumns().stream().noneMatch(c -> c.name().equals("size")), "text is left out");
    }

    @Test
    void aColumnThatIsNotAllNumbersCannotBeMadeNumeric() {
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.fromTable(table(), "sold", null,
                "x", "sales.csv", Map.of("grade", ColumnType.NUMERIC)));
        assertEquals("column 'grade' cannot be numeric: it has the value 'n/a-ish' (line 9), which is not a number",
                e.getMessage());
    }

    @Test
    void aColumnThatIsNotDatesCannotBeMadeADateAndTheTargetIsNotSet() {
        Table t = table();
        assertEquals("its values do not read as dates or times in one pattern",
                ColumnTypeOverrides.problem(t, t.header().indexOf("size"), ColumnType.DATETIME).orElseThrow());
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.fromTable(t, "sold", null,
                "x", "sales.csv", Map.of("sold", ColumnType.NUMERIC)));
        assertTrue(e.getMessage().contains("'sold': it is the target"), e.getMessage());
        assertEquals(ColumnType.CATEGORICAL, ColumnTypeOverrides.parse("Categorical").orElseThrow());
        assertTrue(ColumnTypeOverrides.parse("shape").isEmpty());
    }
}
