package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Dataset;
import io.autogate.engine.data.Table;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    /** A CSV with a header and {@code n} rows made by {@code row}. */
    private Path csv(String header, int n, IntFunction<String> row) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < n; i++) {
            sb.append(row.apply(i)).append('\n');
        }
        Path file = dir.resolve("data.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String error(Path file, String target, TaskType task) {
        return assertThrows(BadInputException.class, () -> DatasetLoader.load(file, target, task)).getMessage();
    }

    @Test
    void loadsSchemaRowsTargetsProfileAndHash() throws Exception {
        Path file = csv("id,size,color,class,when", 24,
                i -> (i + 1) + "," + (i * 0.5) + "," + (i % 3 == 0 ? "red" : "blue") + "," + (i % 2 == 0 ? "no" : "yes")
                        + ",2020-01-" + String.format("%02d", i + 1));
        Dataset d = DatasetLoader.load(file, "class", null);
        assertEquals(List.of(ColumnSpec.of("id", ColumnType.ID), ColumnSpec.of("size", ColumnType.NUMERIC),
                ColumnSpec.of("color", ColumnType.CATEGORICAL), new ColumnSpec("when", ColumnType.DATETIME, null)),
                d.schema().columns());
        assertEquals("class", d.schema().target());
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(List.of("no", "yes"), d.schema().classes());
        assertEquals(24, d.size());
        assertEquals(0.0, d.y()[0]);
        assertEquals(1.0, d.y()[1]);
        assertEquals("1.5", d.rows().get(3).get("size"));
        assertEquals("yes", d.rows().get(3).get("class"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(expected, d.sha256());
        assertEquals(24, d.profile().rows());
        assertEquals(5, d.profile().columns().size());
        assertEquals(ColumnType.CATEGORICAL, d.profile().column("class").orElseThrow().type());
        assertEquals(2, d.profile().column("class").orElseThrow().topCategories().size());
        assertEquals(List.of("column 'id' dropped: unique per row (ID-like)"), d.profile().notes());
    }

    @Test
    void dropsRowsWithoutATargetAndSaysHowMany() throws IOException {
        Path file = csv("x,y", 30, i -> i + "," + (i % 10 == 3 ? "NA" : Double.toString(i * 1.5)));
        Dataset d = DatasetLoader.load(file, "y", null);
        assertEquals(TaskType.REGRESSION, d.schema().task());
        assertEquals(27, d.size());
        assertEquals(List.of(), d.schema().classes());
        assertEquals("4", d.rows().get(3).get("x"));
        assertEquals(6.0, d.y()[3]);
        assertEquals("3 rows without a target dropped", d.profile().notes().get(0));
        assertEquals(27, d.profile().rows());
    }

    @Test
    void numericClassCodesMapToClassIndexes() throws IOException {
        Path file = csv("x,grade", 30, i -> i % 7 + "," + (i % 3 + 1));
        Dataset d = DatasetLoader.load(file, "grade", null);
        assertEquals(TaskType.MULTICLASS, d.schema().task());
        assertEquals(List.of("1", "2", "3"), d.schema().classes());
        assertArrayEquals(new double[] {0, 1, 2, 0}, java.util.Arrays.copyOf(d.y(), 4));
    }

    @Test
    void unknownTargetSuggestsTheClosestColumns() throws IOException {
        Path file = csv("sepal,petal,class", 20, i -> i + "," + i + "," + (i % 2));
        assertEquals("no column 'clas' in " + file + "; did you mean 'class'?", error(file, "clas", null));
        assertEquals("no column 'CLASS' in " + file + "; did you mean 'class'?", error(file, "CLASS", null));
        assertEquals("no column 'zzzzzzzz' in " + file + "; the columns are: 'sepal', 'petal', 'class'",
                error(file, "zzzzzzzz", null));
        Path four = csv("petal1,petal2,petal3,petal4,y", 20, i -> "1,2,3,4," + i % 2);
        assertEquals("no column 'petal' in " + four + "; did you mean 'petal1' or 'petal2' or 'petal3'?",
                error(four, "petal", null));
    }

    @Test
    void targetThatIsAlwaysMissingIsRejected() throws IOException {
        Path file = csv("x,y", 25, i -> i * 3 + ",");
        assertEquals("target 'y' has no values: it is missing in all 25 rows of " + file, error(file, "y", null));
    }

    @Test
    void targetWithASingleValueIsRejected() throws IOException {
        Path file = csv("x,y", 25, i -> i * 3 + "," + (i % 5 == 0 ? "" : "a"));
        assertEquals("target 'y' has a single value 'a': nothing to learn", error(file, "y", null));
    }

    @Test
    void forcedRegressionOnWordsNamesAnExampleValue() throws IOException {
        Path file = csv("x,y", 25, i -> i * 3 + "," + (i < 3 ? "1.5" : "high"));
        assertEquals("--task regression needs a numeric target, but target 'y' has the value 'high' (line 5)",
                error(file, "y", TaskType.REGRESSION));
    }

    @Test
    void forcedBinaryNeedsExactlyTwoClasses() throws IOException {
        Path file = csv("x,y", 30, i -> i * 3 + "," + "abc".charAt(i % 3));
        assertEquals("--task binary needs exactly 2 classes, but target 'y' has 3: 'a', 'b', 'c'",
                error(file, "y", TaskType.BINARY));
        Path many = csv("x,y", 30, i -> i * 3 + "," + (i % 8));
        assertTrue(error(many, "y", TaskType.BINARY).endsWith("has 8: '0', '1', '2', '3', '4', ... (8 in all)"));
    }

    @Test
    void forcedMulticlassNeedsThreeClasses() throws IOException {
        Path file = csv("x,y", 30, i -> i * 3 + "," + (i % 2 == 0 ? "no" : "yes"));
        assertEquals("--task multiclass needs at least 3 classes, but target 'y' has 2: 'no', 'yes'; use --task binary",
                error(file, "y", TaskType.MULTICLASS));
    }

    @Test
    void forcedTasksThatFitAreUsed() throws IOException {
        Path file = csv("x,y", 30, i -> i * 3 + "," + (i % 2));
        Dataset regression = DatasetLoader.load(file, "y", TaskType.REGRESSION);
        assertEquals(TaskType.REGRESSION, regression.schema().task());
        assertEquals(ColumnType.NUMERIC, regression.profile().column("y").orElseThrow().type());
        assertEquals(1.0, regression.y()[1]);

        Path quality = csv("x,quality", 30, i -> i * 3 + "," + (3 + i % 5));
        assertEquals(TaskType.REGRESSION, DatasetLoader.load(quality, "quality", null).schema().task());
        Dataset multi = DatasetLoader.load(quality, "quality", TaskType.MULTICLASS);
        assertEquals(List.of("3", "4", "5", "6", "7"), multi.schema().classes());
        assertEquals(2.0, multi.y()[2]);
    }

    @Test
    void needsTwentyRowsWithATarget() throws IOException {
        Path seven = csv("x,y", 7, i -> i * 3 + "," + (i % 2));
        assertEquals("only 7 rows with a target; at least 20 are needed", error(seven, "y", null));
        Path mostlyMissing = csv("x,y", 40, i -> i * 3 + "," + (i < 19 ? Integer.toString(i % 2) : ""));
        assertEquals("only 19 rows with a target; at least 20 are needed", error(mostlyMissing, "y", null));
        Path twenty = csv("x,y", 20, i -> i * 3 + "," + (i % 2));
        assertEquals(20, DatasetLoader.load(twenty, "y", null).size());
    }

    @Test
    void aClassWithOneRowIsAllowedButNoted() throws IOException {
        Path file = csv("x,y", 25, i -> i * 3 + "," + (i == 7 ? "rare" : i % 2 == 0 ? "a" : "b"));
        Dataset d = DatasetLoader.load(file, "y", null);
        assertEquals(TaskType.MULTICLASS, d.schema().task());
        assertEquals(List.of("a", "b", "rare"), d.schema().classes());
        assertTrue(d.profile().notes().stream().anyMatch(n -> n.startsWith("class 'rare' of target 'y' has only 1 row")),
                d.profile().notes().toString());
    }

    @Test
    void needsAtLeastOneUsableFeature() throws IOException {
        Path onlyTarget = csv("y", 25, i -> Integer.toString(i % 2));
        assertEquals(onlyTarget + " has no columns besides the target 'y'", error(onlyTarget, "y", null));
        Path dropped = csv("id,k,y", 25, i -> (i + 1) + ",same," + (i % 2));
        assertEquals("no usable feature columns in " + dropped + ": column 'id' dropped: unique per row (ID-like); "
                + "column 'k' dropped: constant", error(dropped, "y", null));
    }

    @Test
    void fromTableNamesTheDataGenerically() {
        Table t = new Table(List.of("a", "b"), List.<String[]>of(new String[] {"1", "x"}), List.of(2));
        assertEquals("no column 'c' in the data; did you mean 'a' or 'b'?", assertThrows(BadInputException.class,
                () -> DatasetLoader.fromTable(t, "c", null, "hash")).getMessage());
    }

    @Test
    void loadReportsUnreadableFilesAsBadInput() {
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + " does not exist", error(missing, "y", null));
    }
}
