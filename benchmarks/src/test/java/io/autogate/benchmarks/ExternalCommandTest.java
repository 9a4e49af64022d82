package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalCommandTest {

    @TempDir
    Path folder;

    private CommandOutcome sh(String script, Duration timeout) {
        return new ExternalCommand(List.of("/bin/sh", "-c", script), Map.of("BENCH_VALUE", "7"), folder, timeout,
                folder.resolve("out"), folder.resolve("err")).run();
    }

    @Test
    void capturesOutputExitStatusAndEnvironment() {
        CommandOutcome outcome = sh("echo log line; echo '{\"value\":'$BENCH_VALUE'}'; echo oops >&2; exit 3",
                Duration.ofSeconds(30));
        assertFalse(outcome.succeeded());
        assertEquals(3, outcome.exitCode());
        assertEquals("exit status 3: oops", outcome.failureSummary());
        assertEquals(7, outcome.jsonObject(new ObjectMapper()).get("value").asInt());
    }

    @Test
    void findsAWholeMultiLineJsonObject() {
        CommandOutcome outcome = sh("printf '{\\n  \"a\": 1\\n}\\n'", Duration.ofSeconds(30));
        assertTrue(outcome.succeeded());
        assertEquals(1, outcome.jsonObject(new ObjectMapper()).get("a").asInt());
        CommandOutcome none = sh("echo nothing", Duration.ofSeconds(30));
        assertThrows(IllegalStateException.class, () -> none.jsonObject(new ObjectMapper()));
    }

    @Test
    void killsAProcessThatOutlivesTheTimeout() {
        CommandOutcome outcome = sh("sleep 60", Duration.ofMillis(200));
        assertTrue(outcome.timedOut());
        assertFalse(outcome.succeeded());
        assertEquals(-1, outcome.exitCode());
    }

    @Test
    void reportsAProgramThatCannotStart() {
        CommandOutcome outcome = new ExternalCommand(List.of(folder.resolve("missing").toString()), Map.of(), folder,
                Duration.ofSeconds(5), folder.resolve("out"), folder.resolve("err")).run();
        assertFalse(outcome.succeeded());
        assertTrue(outcome.failureSummary().contains("cannot start"), outcome.failureSummary());
    }

    @Test
    void h2oCommandOpensTheModulesH2oNeeds() {
        H2oPeer peer = new H2oPeer(Path.of("/jdk17/bin/java"), Path.of("peer.jar"), Path.of("lib"), "2g", 2, 120,
                new ObjectMapper());
        BenchmarkDataset iris = BenchmarkSuite.select(List.of("iris")).get(0);
        PreparedSplit split = new PreparedSplit(iris, Path.of("train.csv"), Path.of("test.csv"), 150,
                CsvTable.parse("species\nsetosa\n", "t"), List.of("setosa"));
        List<String> command = peer.command(split, 20, 42, Path.of("run"), Path.of("run/pred.csv"));
        assertEquals("/jdk17/bin/java", command.get(0));
        assertTrue(command.contains("-Xmx2g"));
        for (String module : H2oPeer.ADD_OPENS) {
            int at = command.indexOf(module + "=ALL-UNNAMED");
            assertTrue(at > 0 && command.get(at - 1).equals("--add-opens"), module);
        }
        int task = command.indexOf("--task");
        assertEquals("multiclass", command.get(task + 1));
        assertEquals("20", command.get(command.indexOf("--budget") + 1));
    }
}
