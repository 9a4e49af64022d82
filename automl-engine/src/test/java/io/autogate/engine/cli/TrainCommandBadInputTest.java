package io.autogate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends with one clear line, exit status 2, no stack trace and an untouched registry. */
class TrainCommandBadInputTest {
    @TempDir
    Path dir;

    private CliRun train(Path data, String target, String... extra) {
        String[] base = {"train", "--data", data.toString(), "--target", target, "--max-trials", "1",
            "--registry", dir.resolve("registry").toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return CliRun.of(args);
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String goodCsv(int rows) {
        StringBuilder sb = new StringBuilder("age,color,label\n");
        for (int i = 0; i < rows; i++) {
            sb.append(20 + i % 30).append(',').append(i % 3 == 0 ? "red" : "blue").append(',').append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        return sb.toString();
    }

    private void assertRejected(CliRun run, String... words) throws IOException {
        assertEquals(2, run.status(), run.err());
        String message = run.err().strip();
        assertTrue(message.startsWith("error: "), message);
        for (String w : words) {
            assertTrue(message.toLowerCase().contains(w.toLowerCase()), "expected '" + w + "' in: " + message);
        }
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
        assertEquals(1, message.lines().count(), "one line: " + message);
        Path registry = dir.resolve("registry");
        if (Files.exists(registry)) {
            try (Stream<Path> s = Files.walk(registry)) {
                assertEquals(0, s.filter(Files::isRegularFile).count(), "nothing written to the registry");
            }
        }
    }

    @Test
    void binaryFile() throws IOException {
        Path p = dir.resolve("model.bin");
        Files.write(p, new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3, (byte) 0xff, 0});
        assertRejected(train(p, "label"), "binary");
    }

    @Test
    void emptyFile() throws IOException {
        assertRejected(train(file("empty.csv", ""), "label"), "empty");
    }

    @Test
    void headerOnly() throws IOException {
        assertRejected(train(file("header.csv", "age,color,label\n"), "label"), "no data rows");
    }

    @Test
    void missingTargetSuggestsCloseNames() throws IOException {
        assertRejected(train(file("data.csv", goodCsv(40)), "lable"), "lable", "label");
    }

    @Test
    void singleClassTarget() throws IOException {
        assertRejected(train(file("one.csv", goodCsv(40).replace(",b\n", ",a\n")), "label"), "single value");
    }

    @Test
    void allMissingTarget() throws IOException {
        assertRejected(train(file("missing.csv", goodCsv(40).replace(",a\n", ",\n").replace(",b\n", ",NA\n")), "label"),
                "missing");
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        String csv = goodCsv(40).replaceFirst("\n21,blue,b\n", "\n21,blue,b,extra\n");
        assertRejected(train(file("ragged.csv", csv), "label"), "line 3");
    }

    @Test
    void tooFewRows() throws IOException {
        assertRejected(train(file("few.csv", goodCsv(7)), "label"), "7 rows");
    }

    @Test
    void unknownDomainColumnSuggestsCloseNames() throws IOException {
        assertRejected(train(file("data.csv", goodCsv(40)), "label", "--domain-column", "colour"), "--domain-column",
                "'colour'", "'color'");
    }

    @Test
    void domainColumnWithOneValue() throws IOException {
        assertRejected(train(file("one-domain.csv", goodCsv(40).replace(",blue,", ",red,")), "label", "--domain-column",
                "color"), "single value 'red'");
    }

    @Test
    void timeColumnThatIsNotADateOrNumber() throws IOException {
        assertRejected(train(file("data.csv", goodCsv(40)), "label", "--time-column", "color"), "--time-column 'color'",
                "not a date or a number");
    }

    @Test
    void unknownSelectionPolicy() throws IOException {
        assertRejected(train(file("data.csv", goodCsv(40)), "label", "--select", "best"), "--select 'best'", "iid, robust, balanced");
    }

    @Test
    void missingFile() {
        CliRun run = train(dir.resolve("nope.csv"), "label");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("nope.csv"), run.err());
    }

    @Test
    void badArgumentsGetUsageHints() {
        CliRun run = CliRun.of("train", "--data", "x.csv");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--target"), run.err());
        run = CliRun.of("train", "--data", "x.csv", "--target", "y", "--budget", "soon");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("not a duration"), run.err());
        run = CliRun.of("train", "--data", "x.csv", "--target", "y", "--budget", "1s");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("too short"), run.err());
    }
}
