package io.autogate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.engine.SharedDatasets;
import io.autogate.engine.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} reports its robustness checks in the table, in JSON and in the registered card. */
class TrainCommandRobustnessTest {
    @TempDir
    Path dir;

    @Test
    void jsonAndTextCarryTheChecksAndThePolicy() throws Exception {
        String[] args = {"train", "--data", SharedDatasets.path("regression/auto-mpg.csv").toString(), "--target", "mpg",
            "--max-trials", "3", "--families", "linear,decision_tree", "--domain-column", "origin", "--time-column",
            "model_year", "--select", "robust", "--registry", dir.resolve("registry").toString()};
        CliRun json = CliRun.of(append(args, "--json"));
        assertEquals(0, json.status(), json.err());
        JsonNode out = new ObjectMapper().readTree(json.out());
        JsonNode card = out.get("robustness");
        assertEquals("robust", card.get("policy").asText());
        assertTrue(card.get("summary").asText().contains("rmse rises from"), card.get("summary").asText());
        assertEquals("model_year>=80", card.at("/splits/0/label").asText(), "the latest 20% by model_year: years 80-82");
        assertTrue(card.findValuesAsText("label").contains("origin=usa"));
        assertTrue(out.get("leaderboard").findValues("robustness").size() >= 1);

        CliRun text = CliRun.of(args);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.err().contains("worst_shift"), text.err());
        assertTrue(text.err().contains("robust pick:") && text.err().contains("<- chosen (--select robust)"), text.err());
    }

    private static String[] append(String[] args, String extra) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = extra;
        return out;
    }
}
