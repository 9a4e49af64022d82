package io.autogate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.engine.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict, models and alias on a model trained from the bundled churn sample. */
class PredictAndModelsCommandTest {
    @TempDir
    Path dir;
    Path registry;
    Path data;

    @BeforeEach
    void trainSmallModel() {
        registry = dir.resolve("registry");
        data = dir.resolve("churn.csv");
        assertEquals(0, CliRun.of("sample", "churn", "--rows", "400", "--out", data.toString()).status());
        CliRun run = CliRun.of("train", "--data", data.toString(), "--target", "churned", "--max-trials", "2",
                "--families", "linear,decision_tree", "--registry", registry.toString(), "--name", "churn");
        assertEquals(0, run.status(), run.err());
        assertEquals("churn@1", run.out().strip());
        assertTrue(run.err().contains("customer_id"), "the ID column is reported as dropped: " + run.err());
    }

    @Test
    void predictKeepsOrderAndMarksBadRowsInsteadOfFailing() throws Exception {
        Path input = dir.resolve("score.csv");
        Files.writeString(input, String.join("\n",
                "customer_id,signup_date,plan,region,monthly_fee,tenure_months,support_tickets,usage_hours,autopay",
                "X1,2021-03-04,pro,north,45.5,30,0,41.2,yes",
                "X2,2021-03-04,basic,islands,not-a-number,2,5,3.0,no",
                "X3,,mystery-plan,,12,1,9,,",
                "") );
        Path out = dir.resolve("pred.csv");
        CliRun run = CliRun.of("predict", "--registry", registry.toString(), "--model", "churn", "--data", input.toString(),
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("prediction", "p_no", "p_yes", "error"), List.of(lines.get(0).split(",")));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).matches("(yes|no),[0-9.E-]+,[0-9.E-]+,"), lines.get(1));
        assertTrue(lines.get(2).startsWith(",,,") && lines.get(2).contains("monthly_fee"), lines.get(2));
        assertTrue(lines.get(3).matches("(yes|no),[0-9.E-]+,[0-9.E-]+,"), "unseen category and missing values are fine: "
                + lines.get(3));
        String[] p = lines.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(p[1]) + Double.parseDouble(p[2]), 1e-9);
    }

    @Test
    void unknownModelIsExitTwoAndWritesNothing() {
        Path out = dir.resolve("none.csv");
        CliRun run = CliRun.of("predict", "--registry", registry.toString(), "--model", "churn@9", "--data", data.toString(),
                "--out", out.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no version 9"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void modelsListsAndAliasesMove() throws Exception {
        assertEquals(0, CliRun.of("train", "--data", data.toString(), "--target", "churned", "--max-trials", "1",
                "--families", "linear", "--registry", registry.toString(), "--name", "churn").status());
        CliRun alias = CliRun.of("alias", "--registry", registry.toString(), "--model", "churn@1", "--alias", "production");
        assertEquals(0, alias.status(), alias.err());
        CliRun models = CliRun.of("models", "--registry", registry.toString(), "--json");
        assertEquals(0, models.status(), models.err());
        JsonNode list = new ObjectMapper().readTree(models.out());
        assertEquals(1, list.size());
        assertEquals("churn", list.get(0).get("name").asText());
        assertEquals(2, list.get(0).get("latest").asInt());
        assertEquals(1, list.get(0).get("aliases").get("production").asInt());
        assertEquals("binary", list.get(0).get("task").asText());
        CliRun table = CliRun.of("models", "--registry", registry.toString());
        assertTrue(table.out().contains("churn") && table.out().contains("production"), table.out());
    }
}
