package io.autogate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.engine.SharedDatasets;
import io.autogate.engine.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --seed and --max-trials, two runs give the same leaderboard and byte-identical predictions. */
class ReproducibilityTest {
    @TempDir
    Path dir;

    private JsonNode train(String registry) throws Exception {
        CliRun run = CliRun.of("train", "--data", SharedDatasets.path("classification/pima-diabetes.csv").toString(),
                "--target", "class", "--max-trials", "10", "--seed", "11", "--registry", dir.resolve(registry).toString(),
                "--name", "pima", "--json");
        assertEquals(0, run.status(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> comparable(JsonNode leaderboard) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : leaderboard) {
            rows.add(row.get("family").asText() + " " + row.get("origin").asText() + " " + row.get("params") + " "
                    + row.get("metrics") + " " + row.get("status").asText() + " " + row.get("seed"));
        }
        return rows;
    }

    @Test
    void sameSeedSameLeaderboardAndIdenticalPredictionFiles() throws Exception {
        JsonNode first = train("r1");
        JsonNode second = train("r2");
        assertEquals("binary", first.get("task").asText());
        assertEquals("auc", first.get("metric").asText());
        assertEquals("auc", first.get("leaderboard").get(0).get("metrics").fieldNames().next(),
                "metrics keep the task's order, primary metric first");
        assertTrue(first.get("best").asDouble() > 0.75, first.toString());
        assertEquals(first.get("best").asDouble(), second.get("best").asDouble());
        assertEquals(comparable(first.get("leaderboard")), comparable(second.get("leaderboard")));

        Path data = SharedDatasets.path("classification/pima-diabetes.csv");
        Path out1 = dir.resolve("p1.csv");
        Path out2 = dir.resolve("p2.csv");
        assertEquals(0, CliRun.of("predict", "--registry", dir.resolve("r1").toString(), "--model", "pima",
                "--data", data.toString(), "--out", out1.toString()).status());
        assertEquals(0, CliRun.of("predict", "--registry", dir.resolve("r2").toString(), "--model", "pima@1",
                "--data", data.toString(), "--out", out2.toString()).status());
        assertArrayEquals(Files.readAllBytes(out1), Files.readAllBytes(out2));
        List<String> lines = Files.readAllLines(out1);
        assertEquals("prediction,p_0,p_1,error", lines.get(0));
        assertEquals(769, lines.size(), "one row per input row plus the header");
    }
}
