package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final BenchmarkDataset PIMA = BenchmarkSuite.select(List.of("pima-diabetes")).get(0);
    private static final BenchmarkDataset HOUSING = BenchmarkSuite.select(List.of("california-housing")).get(0);
    private static final BenchmarkDataset TITANIC = BenchmarkSuite.select(List.of("titanic")).get(0);

    private static SystemResult ok(String system, TestMetric metric, double value, Double accuracy) {
        return new SystemResult(system, RunStatus.SUCCEEDED, null, new TestScore(metric, value, accuracy),
                55.0, 61.5, 900.0, system + "-model", null);
    }

    @Test
    void comparesInTheDirectionOfTheMetric() {
        DatasetOutcome pima = new DatasetOutcome(PIMA, 768, 576, 192,
                ok("autogate", TestMetric.AUC, 0.82, 0.77), ok("h2o", TestMetric.AUC, 0.825, 0.78));
        assertEquals(DatasetOutcome.Comparison.LOSS, pima.comparison());
        assertTrue(pima.withinTolerance(), "0.82 is within 1% of 0.825");
        assertTrue(pima.targetMet());
        assertEquals(-0.606, pima.advantagePercent(), 1e-3);

        DatasetOutcome housing = new DatasetOutcome(HOUSING, 20640, 15480, 5160,
                ok("autogate", TestMetric.RMSE, 47000, null), ok("h2o", TestMetric.RMSE, 46000, null));
        assertEquals(DatasetOutcome.Comparison.LOSS, housing.comparison());
        assertFalse(housing.withinTolerance(), "47000 is 2.2% worse than 46000");
        assertTrue(housing.targetMet(), "47000 <= 48000");

        DatasetOutcome better = new DatasetOutcome(HOUSING, 20640, 15480, 5160,
                ok("autogate", TestMetric.RMSE, 45000, null), ok("h2o", TestMetric.RMSE, 46000, null));
        assertEquals(DatasetOutcome.Comparison.WIN, better.comparison());
        assertTrue(better.withinTolerance());
    }

    @Test
    void aFailedOrSkippedRunIsNotCompared() {
        DatasetOutcome failed = new DatasetOutcome(PIMA, 768, 576, 192,
                SystemResult.failed("autogate", "exit status 1", 3.0, null), ok("h2o", TestMetric.AUC, 0.8, 0.7));
        assertNull(failed.comparison());
        assertNull(failed.advantagePercent());
        assertFalse(failed.targetMet(), "no score means the target is missed");
        DatasetOutcome noTarget = new DatasetOutcome(TITANIC, 891, 668, 223,
                ok("autogate", TestMetric.AUC, 0.86, 0.8), SystemResult.skipped("h2o", "--skip-h2o"));
        assertNull(noTarget.targetMet());
        assertNull(noTarget.withinTolerance());
    }

    @Test
    void summaryCountsWinsLossesAndTargets() {
        List<DatasetOutcome> outcomes = List.of(
                new DatasetOutcome(PIMA, 768, 576, 192,
                        ok("autogate", TestMetric.AUC, 0.83, 0.77), ok("h2o", TestMetric.AUC, 0.82, 0.78)),
                new DatasetOutcome(HOUSING, 20640, 15480, 5160,
                        ok("autogate", TestMetric.RMSE, 50000, null), ok("h2o", TestMetric.RMSE, 46000, null)),
                new DatasetOutcome(TITANIC, 891, 668, 223,
                        SystemResult.failed("autogate", "boom", null, null), ok("h2o", TestMetric.AUC, 0.86, 0.8)));
        ReportSummary summary = ReportSummary.of(outcomes);
        assertEquals(3, summary.datasets());
        assertEquals(2, summary.compared());
        assertEquals(1, summary.wins());
        assertEquals(1, summary.losses());
        assertEquals(1, summary.withinTolerance());
        assertFalse(summary.mostWithinTolerance(), "1 of 3 is not most");
        assertEquals(1, summary.targetsMet());
        assertEquals(2, summary.targets());
        assertEquals(1, summary.autogateFailures());
        assertEquals(0, summary.h2oFailures());
    }

    @Test
    void rendersMarkdownAndJson() throws Exception {
        MachineInfo machine = new MachineInfo("Test CPU", 2, 8000, "Linux", "JDK 25", "JDK 25", "JDK 17");
        AutomlReport report = new AutomlReport("2026-01-01T00:00:00Z", machine, "benchmarks/run-automl.sh --budget 60",
                60, 42, 0.75, List.of(
                new DatasetOutcome(PIMA, 768, 576, 192,
                        ok("autogate", TestMetric.AUC, 0.83, 0.77), ok("h2o", TestMetric.AUC, 0.82, 0.78)),
                new DatasetOutcome(HOUSING, 20640, 15480, 5160,
                        SystemResult.failed("autogate", "train: exit status 2: no | pipes", 4.0, null),
                        SystemResult.skipped("h2o", "--skip-h2o"))));
        String md = MarkdownReport.render(report);
        assertTrue(md.contains("`benchmarks/run-automl.sh --budget 60`"), md);
        assertTrue(md.contains("| pima-diabetes | 768 | binary | AUC | 0.8300 | 0.8200 | +1.22% | 55.0 / 900 "
                + "| 55.0 / 900 | AUC >= 0.8 | pass | pass |"), md);
        assertTrue(md.contains("| california-housing | 20640 | regression | RMSE | failed | skipped | – |"), md);
        assertTrue(md.contains("no \\| pipes"), "pipes in messages are escaped: " + md);
        assertTrue(md.contains("1 win(s), 0 tie(s), 0 loss(es)"), md);
        assertTrue(md.contains("Quality targets met: 1 of 2."), md);

        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));
        assertEquals(42, json.get("seed").asInt());
        JsonNode first = json.get("outcomes").get(0);
        assertEquals("pima-diabetes", first.get("dataset").get("name").asText());
        assertEquals(0.83, first.get("autogate").get("score").get("value").asDouble(), 1e-12);
        assertEquals("WIN", first.get("comparison").asText());
        assertTrue(first.get("targetMet").asBoolean());
        assertEquals(1, json.get("summary").get("wins").asInt());
        assertTrue(json.get("outcomes").get(1).get("advantagePercent").isNull());
    }
}
