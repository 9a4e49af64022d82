package io.autogate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.testing.CliRun;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --task forecast} and {@code predict} on a forecasting model, end to end, and their bad input. */
class ForecastCommandTest {
    @TempDir
    Path dir;

    /** Three quarterly series; series b has a missing quarter and a duplicated row. */
    private Path data() throws Exception {
        StringBuilder sb = new StringBuilder("quarter,region,trips\n");
        for (String id : List.of("a", "b", "c")) {
            for (int t = 0; t < 40; t++) {
                if (id.equals("b") && t == 17) {
                    continue;
                }
                double v = 50 + id.charAt(0) + t * 0.5 + 10 * ((t % 4) - 1.5);
                String row = (1998 + t / 4) + " Q" + (t % 4 + 1) + "," + id + "," + v + "\n";
                sb.append(row);
                if (id.equals("b") && t == 20) {
                    sb.append(row);
                }
            }
        }
        Path p = dir.resolve("trips.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private String registry() {
        return dir.resolve("reg").toString();
    }

    @Test
    void trainsRegistersAndForecastsEverySeries() throws Exception {
        CliRun train = CliRun.of("train", "--data", data().toString(), "--target", "trips", "--task", "forecast",
                "--time-column", "quarter", "--series-column", "region", "--horizon", "4", "--budget", "10s",
                "--registry", registry(), "--name", "trips");
        assertEquals(0, train.status(), train.err());
        assertEquals("trips@1", train.out().strip());
        assertTrue(train.err().contains("series b: 1 duplicate timestamp row(s) averaged"), train.err());
        assertTrue(train.err().contains("series b: 1 missing time step(s) filled"), train.err());
        assertTrue(train.err().contains("ensemble"), train.err());
        assertTrue(train.err().contains("ensemble rule: greedy (greedy selection with replacement"), train.err());

        Path ids = dir.resolve("ids.csv");
        Files.writeString(ids, "region\nc\na\n");
        Path out = dir.resolve("pred.csv");
        CliRun predict = CliRun.of("predict", "--registry", registry(), "--model", "trips", "--data", ids.toString(),
                "--out", out.toString(), "--horizon", "3");
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("series_id,timestamp,prediction,lower_80,upper_80,lower_95,upper_95", lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(1).startsWith("c,2008 Q1,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("a,2008 Q1,"), lines.get(4));

        Path history = dir.resolve("history.csv");
        Files.writeString(history, "quarter,region,trips\n2001 Q1,a,10\n2001 Q2,a,20\n2001 Q3,a,30\n2001 Q4,a,40\n2002 Q1,a,50\n");
        CliRun fromHistory = CliRun.of("predict", "--registry", registry(), "--model", "trips", "--data", history.toString(),
                "--out", out.toString());
        assertEquals(0, fromHistory.status(), fromHistory.err());
        lines = Files.readAllLines(out);
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("a,2002 Q2,"), lines.get(1));
    }

    private void assertRejected(CliRun run, String word) throws Exception {
        assertEquals(2, run.status(), run.err());
        String message = run.err().strip();
        assertTrue(message.startsWith("error: "), message);
        assertTrue(message.toLowerCase().contains(word.toLowerCase()), "expected '" + word + "' in: " + message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(message.contains("\tat "), message);
        Path reg = dir.resolve("reg");
        if (Files.exists(reg)) {
            try (Stream<Path> files = Files.walk(reg)) {
                assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing registered");
            }
        }
    }

    private CliRun train(Path data, String... extra) {
        String[] base = {"train", "--data", data.toString(), "--target", "trips", "--task", "forecast", "--budget", "5s",
            "--registry", registry()};
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path good = data();
        assertRejected(train(good, "--horizon", "4"), "--time-column");
        assertRejected(train(good, "--time-column", "when", "--horizon", "4"), "'when' is not a column");
        assertRejected(train(good, "--time-column", "quarter", "--horizon", "0"), "--horizon must be at least 1");
        assertRejected(train(good, "--time-column", "quarter"), "--horizon");
        Path badTime = dir.resolve("bad-time.csv");
        Files.writeString(badTime, "quarter,trips\n1998 Q1,1\nsoon,2\n1998 Q3,3\n");
        assertRejected(train(badTime, "--time-column", "quarter", "--horizon", "2"), "'soon'");
        Path shortSeries = dir.resolve("short.csv");
        Files.writeString(shortSeries, "quarter,trips\n1998 Q1,1\n1998 Q2,2\n");
        assertRejected(train(shortSeries, "--time-column", "quarter", "--horizon", "2"), "too short");
        assertRejected(train(good, "--time-column", "quarter", "--horizon", "2", "--frequency", "fortnightly"), "frequency");
        assertRejected(train(good, "--time-column", "quarter", "--horizon", "2", "--ensemble-rule", "best"),
                "--ensemble-rule must be one of [seasonal_naive, best_single");
        assertRejected(train(good, "--time-column", "quarter", "--horizon", "2", "--max-history", "2"),
                "--max-history must be at least 3 steps, got 2");
        assertRejected(CliRun.of("train", "--data", good.toString(), "--target", "trips", "--registry", registry(),
                "--ensemble-rule", "greedy"), "--ensemble-rule is for --task forecast");
        assertRejected(CliRun.of("train", "--data", good.toString(), "--target", "trips", "--registry", registry(),
                "--max-history", "100"), "--max-history is for --task forecast");
    }

    @Test
    void maxHistoryKeepsTheMostRecentStepsOfEachSeries() throws Exception {
        CliRun run = train(data(), "--time-column", "quarter", "--series-column", "region", "--horizon", "2",
                "--max-history", "24", "--families", "naive,theta", "--name", "recent");
        assertEquals(0, run.status(), run.err());
        ModelManifest manifest = new FileModelRegistry(Path.of(registry()), ModelFormats.discover())
                .manifest(ModelRef.parse("recent"));
        assertEquals(24, manifest.provenance().settings().get("max_history"));
        for (var series : manifest.forecast().series()) {
            assertEquals(24, series.history().length, series.id());
        }
    }

    @Test
    void aFixedEnsembleRuleIsUsedAndReported() throws Exception {
        CliRun run = train(data(), "--time-column", "quarter", "--series-column", "region", "--horizon", "2",
                "--ensemble-rule", "top3_equal", "--name", "fixed");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("ensemble rule: top3_equal (fixed rule)"), run.err());
    }
}
