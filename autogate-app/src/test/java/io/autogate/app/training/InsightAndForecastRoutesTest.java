package io.autogate.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.engine.forecast.EnsembleRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP on loopback: a tabular job's insight card in the job result and the model
 * detail (and a manifest without one still served), a forecast job from upload to forecast with
 * its stored history, and the forecast fields' 400s.
 */
class InsightAndForecastRoutesTest extends TrainingRoutesFixture {
    static final Path SALES = Path.of("../samples/sales.csv");

    @Test
    void aTabularModelsInsightsComeWithTheJobAndTheModelAndAnOldManifestStillServes() throws Exception {
        String id = upload("iris.csv", Files.readString(IRIS));
        JsonNode job = trainToEnd("{\"dataset\":\"" + id + "\",\"target\":\"species\",\"budget_seconds\":6,\"name\":\"iris\"}");
        JsonNode insights = job.at("/result/insights");
        assertEquals("permutation", insights.get("importance_method").asText(), insights.toString());
        assertEquals(4, insights.get("feature_importance").size(), insights.toString());
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                JSON.convertValue(insights.at("/confusion/classes"), List.class));
        int total = 0;
        for (JsonNode row : insights.at("/confusion/counts")) {
            int sum = 0;
            for (JsonNode cell : row) {
                sum += cell.asInt();
            }
            assertEquals(50, sum, "each iris class has 50 rows: " + insights);
            total += sum;
        }
        assertEquals(150, total);
        JsonNode model = send("GET", "/v1/models/iris", null, null, 200);
        assertEquals(insights, model.get("insights"), "the model detail shows the card the job reported");
        assertTrue(model.get("forecast").isNull(), model.toString());

        // a manifest written before insights existed: no key at all, still described and served
        stopGateway();
        Path manifest = registry.resolve("iris/1/manifest.json");
        ObjectNode stored = (ObjectNode) JSON.readTree(manifest.toFile());
        stored.remove("insights");
        Files.writeString(manifest, stored.toPrettyString());
        startGateway();
        JsonNode old = send("GET", "/v1/models/iris", null, null, 200);
        assertTrue(old.get("insights").isNull(), old.toString());
        JsonNode predicted = send("POST", "/v1/models/iris/predict", "application/json",
                "{\"rows\":[{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}]}", 200);
        assertEquals("setosa", predicted.at("/predictions/0/prediction").asText(), predicted.toString());
    }

    @Test
    void aForecastJobTrainsFromAnUploadAndItsForecastComesWithItsHistory() throws Exception {
        JsonNode ds = send("POST", "/v1/datasets?name=sales.csv", "text/csv", Files.readString(SALES), 201);
        assertEquals(List.of("month"), JSON.convertValue(ds.get("time_columns"), List.class), ds.toString());
        JsonNode job = trainToEnd("{\"dataset\":\"" + ds.get("id").asText() + "\",\"target\":\"units\",\"task\":\"forecast\","
                + "\"time_column\":\"month\",\"series_column\":\"store\",\"horizon\":6,\"budget_seconds\":5}");
        assertEquals("forecast", job.get("task").asText());
        assertEquals("mase", job.at("/result/metric").asText());
        JsonNode backtest = job.at("/result/backtest");
        double ensemble = backtest.at("/ensemble/mase").asDouble();
        assertTrue(ensemble > 0 && ensemble < backtest.at("/seasonal_naive/mase").asDouble() * 1.5, backtest.toString());
        assertEquals(ensemble, job.at("/result/score").asDouble(), 1e-12);
        assertEquals("rolling-origin backtest over up to 10 windows of 6 steps", job.at("/result/validation").asText(),
                "monthly data gets up to the trainer's 10 windows, as the model's provenance records: " + job);
        JsonNode board = job.get("leaderboard");
        assertTrue(board.size() >= 5, board.toString());
        List<Double> scores = new ArrayList<>();
        board.forEach(row -> {
            if ("OK".equals(row.get("status").asText())) {
                scores.add(row.get("score").asDouble());
            }
        });
        assertEquals(scores.stream().sorted().toList(), scores, "ranked by MASE, a member that failed (on a busy machine"
                + " the gbm may overrun its slot) last: " + board);
        // progress as it went: each per-series family on each of the 3 stores, then the global gbm once
        assertEquals((board.size() - 1) * 3 + 1, job.get("trials_done").asInt(), job.toString());
        JsonNode best = job.get("best_over_time");
        assertTrue(best.size() > 0, job.toString());
        assertEquals(scores.get(0), best.get(best.size() - 1).get("score").asDouble(), 1e-12, "ends at the best family: " + job);

        JsonNode model = send("GET", "/v1/models/sales", null, null, 200);
        assertEquals(List.of("harbor", "old-town", "station"), JSON.convertValue(model.at("/forecast/series"), List.class));
        assertEquals(6, model.at("/forecast/horizon").asInt());
        assertEquals("1mo", model.at("/forecast/frequency").asText());
        assertEquals(backtest, model.at("/forecast/backtest"));
        assertTrue(model.get("insights").isNull(), "forecasting models have no insight card");

        JsonNode answer = send("POST", "/v1/models/sales/forecast", "application/json",
                "{\"series_id\":\"harbor\",\"horizon\":4,\"include_history\":24}", 200).at("/series/0");
        assertEquals(24, answer.get("history").size(), answer.toString());
        assertEquals("2024-12", answer.at("/history/23/timestamp").asText(), "72 months from 2019-01");
        assertEquals("2025-01", answer.at("/forecast/0/timestamp").asText());
        assertEquals(4, answer.get("forecast").size());
        JsonNode step = answer.at("/forecast/0");
        assertTrue(step.get("lower_95").asDouble() <= step.get("lower_80").asDouble()
                && step.get("lower_80").asDouble() <= step.get("prediction").asDouble()
                && step.get("prediction").asDouble() <= step.get("upper_80").asDouble(), step.toString());
        assertFalse(answer.has("history") && answer.get("history").isEmpty());
    }

    @Test
    void badForecastRequestsGetA400NamingTheField() throws Exception {
        String id = upload("sales.csv", Files.readString(SALES));
        String base = "{\"dataset\":\"" + id + "\",\"target\":\"units\",\"task\":\"forecast\",\"series_column\":\"store\",";
        JsonNode zero = send("POST", "/v1/training-jobs", "application/json", base + "\"time_column\":\"month\",\"horizon\":0}", 400);
        assertEquals("horizon", zero.at("/error/details/0/field").asText(), zero.toString());
        JsonNode notDate = send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"units\",\"task\":\"forecast\",\"time_column\":\"store\",\"horizon\":3}", 400);
        assertEquals("time_column", notDate.at("/error/details/0/field").asText(), notDate.toString());
        assertTrue(notDate.at("/error/details/0/problem").asText().contains("is not a timestamp"), notDate.toString());
        JsonNode noTime = send("POST", "/v1/training-jobs", "application/json", base + "\"horizon\":3}", 400);
        assertEquals("time_column", noTime.at("/error/details/0/field").asText(), noTime.toString());
        JsonNode unknown = send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"units\",\"task\":\"forecast\",\"time_column\":\"month\","
                        + "\"series_column\":\"shop\",\"horizon\":3}", 400);
        assertEquals("series_column", unknown.at("/error/details/0/field").asText(), unknown.toString());
        JsonNode wrongTask = send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"units\",\"task\":\"guess\"}", 400);
        assertEquals("task", wrongTask.at("/error/details/0/field").asText(), wrongTask.toString());
        JsonNode stray = send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"units\",\"horizon\":3}", 400);
        assertEquals("horizon", stray.at("/error/details/0/field").asText(), stray.toString());
        assertTrue(stray.at("/error/details/0/problem").asText().contains("forecast"), stray.toString());
        JsonNode typed = send("POST", "/v1/training-jobs", "application/json", base
                + "\"time_column\":\"month\",\"horizon\":3,\"column_types\":{\"store\":\"text\"}}", 400);
        assertEquals("column_types.store", typed.at("/error/details/0/field").asText(), typed.toString());
        assertTrue(typed.at("/error/details/0/problem").asText().contains("'ignore'"), typed.toString());
        assertEquals(0, send("GET", "/v1/training-jobs", null, null, 200).get("jobs").size(), "no job was started");
    }

    /** Two shops over 60 days whose visits jump on promotion days (every third day, a known covariate). */
    private static String promoCsv() {
        StringBuilder csv = new StringBuilder("day,shop,promo,visits\n");
        java.time.LocalDate start = java.time.LocalDate.of(2024, 1, 1);
        for (String shop : List.of("north", "south")) {
            for (int d = 0; d < 60; d++) {
                boolean promo = d % 3 == 0;
                int base = shop.equals("north") ? 100 : 60;
                csv.append(start.plusDays(d)).append(',').append(shop).append(',').append(promo ? "TRUE" : "FALSE")
                        .append(',').append(base + (promo ? 40 : 0) + d % 2).append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void aForecastJobTakesCovariatesAndItsModelForecastsWithTheirFutureValues() throws Exception {
        String id = upload("promo.csv", promoCsv());
        JsonNode job = trainToEnd("{\"dataset\":\"" + id + "\",\"target\":\"visits\",\"task\":\"forecast\","
                + "\"time_column\":\"day\",\"series_column\":\"shop\",\"horizon\":3,\"budget_seconds\":10,"
                + "\"name\":\"promo\",\"known_covariates\":[\"promo\"]}");
        assertEquals(List.of("promo"), JSON.convertValue(job.at("/forecast/known_covariates"), List.class), job.toString());
        assertTrue(job.at("/result/backtest").has("gbm"), "the job fits the global gbm, which reads covariates: " + job);
        assertEquals("promo", job.at("/result/covariates/0/name").asText(), "the result names what the model reads: " + job);
        assertEquals("known", job.at("/result/covariates/0/role").asText(), job.toString());
        JsonNode model = send("GET", "/v1/models/promo", null, null, 200);
        assertEquals("promo", model.at("/forecast/covariates/0/name").asText(), model.toString());
        assertEquals("known", model.at("/forecast/covariates/0/role").asText(), model.toString());
        JsonNode answer = send("POST", "/v1/models/promo/forecast", "application/json", "{\"series_id\":\"north\","
                + "\"future\":[{\"timestamp\":\"2024-03-01\",\"promo\":true},{\"timestamp\":\"2024-03-02\",\"promo\":false},"
                + "{\"timestamp\":\"2024-03-03\",\"promo\":false}]}", 200);
        JsonNode steps = answer.at("/series/0/forecast");
        assertEquals(3, steps.size(), answer.toString());
        JsonNode missing = send("POST", "/v1/models/promo/forecast", "application/json", "{\"series_id\":\"north\"}", 400);
        assertTrue(missing.toString().contains("promo"), "the 400 names the covariate: " + missing);
    }

    @Test
    void aForecastJobTakesTheEnsembleRuleAndHistoryLengthAndTheModelRecordsThem() throws Exception {
        String id = upload("promo.csv", promoCsv());
        JsonNode job = trainToEnd("{\"dataset\":\"" + id + "\",\"target\":\"visits\",\"task\":\"forecast\","
                + "\"time_column\":\"day\",\"series_column\":\"shop\",\"horizon\":3,\"budget_seconds\":10,"
                + "\"name\":\"recent\",\"ensemble_rule\":\"greedy\",\"max_history\":30}");
        assertEquals("succeeded", job.get("status").asText(), job.toString());
        assertEquals("greedy", job.at("/forecast/ensemble_rule").asText(), job.toString());
        assertEquals(30, job.at("/forecast/max_history").asInt(), job.toString());
        JsonNode settings = send("GET", "/v1/models/recent", null, null, 200).at("/provenance/settings");
        assertEquals("greedy", settings.get("ensemble_rule").asText(), settings.toString());
        assertEquals(30, settings.get("max_history").asInt(), settings.toString());
        JsonNode history = send("POST", "/v1/models/recent/forecast", "application/json",
                "{\"series_id\":\"north\",\"horizon\":1,\"include_history\":100}", 200).at("/series/0/history");
        assertEquals(30, history.size(), "the model keeps the last 30 of 60 days: " + history);
        assertEquals("2024-02-29", history.get(29).get("timestamp").asText(), history.toString());
    }

    @Test
    void badEnsembleRuleAndHistoryFieldsGetA400NamingTheField() throws Exception {
        String id = upload("promo.csv", promoCsv());
        String base = "{\"dataset\":\"" + id + "\",\"target\":\"visits\",\"task\":\"forecast\",\"time_column\":\"day\","
                + "\"series_column\":\"shop\",\"horizon\":3,";
        JsonNode rule = send("POST", "/v1/training-jobs", "application/json", base + "\"ensemble_rule\":\"best\"}", 400);
        assertEquals("ensemble_rule", rule.at("/error/details/0/field").asText(), rule.toString());
        assertTrue(rule.at("/error/details/0/problem").asText().contains("top3_inverse_mase"), "it names the choices: " + rule);
        JsonNode notText = send("POST", "/v1/training-jobs", "application/json", base + "\"ensemble_rule\":3}", 400);
        assertEquals("ensemble_rule", notText.at("/error/details/0/field").asText(), notText.toString());
        JsonNode shortHistory = send("POST", "/v1/training-jobs", "application/json", base + "\"max_history\":2}", 400);
        assertEquals("max_history", shortHistory.at("/error/details/0/field").asText(), shortHistory.toString());
        assertTrue(shortHistory.at("/error/details/0/problem").asText().contains("at least 3"), shortHistory.toString());
        JsonNode notNumber = send("POST", "/v1/training-jobs", "application/json", base + "\"max_history\":\"all\"}", 400);
        assertEquals("max_history", notNumber.at("/error/details/0/field").asText(), notNumber.toString());
        JsonNode stray = send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"visits\",\"ensemble_rule\":\"greedy\"}", 400);
        assertEquals("ensemble_rule", stray.at("/error/details/0/field").asText(), stray.toString());
        assertEquals(0, send("GET", "/v1/training-jobs", null, null, 200).get("jobs").size(), "no job was started");
    }

    @Test
    void theApiDescriptionListsEveryEnsembleRule() throws Exception {
        JsonNode spec = send("GET", "/openapi.json", null, null, 200);
        List<String> listed = new ArrayList<>();
        spec.at("/components/schemas/TrainingJobRequest/properties/ensemble_rule/enum").forEach(n -> listed.add(n.asText()));
        assertEquals(EnsembleRule.ids(), listed);
    }

    @Test
    void badCovariateFieldsGetA400NamingTheField() throws Exception {
        String id = upload("promo.csv", promoCsv());
        String base = "{\"dataset\":\"" + id + "\",\"target\":\"visits\",\"task\":\"forecast\",\"time_column\":\"day\","
                + "\"series_column\":\"shop\",\"horizon\":3,";
        JsonNode unknown = send("POST", "/v1/training-jobs", "application/json",
                base + "\"known_covariates\":[\"price\",\" promo \"],\"past_covariates\":[\"shops\"]}", 400);
        assertEquals("known_covariates", unknown.at("/error/details/0/field").asText(), unknown.toString());
        assertTrue(unknown.at("/error/details/0/problem").asText().contains("'price'"), unknown.toString());
        assertEquals("past_covariates", unknown.at("/error/details/1/field").asText(), "every problem is named: " + unknown);
        assertTrue(unknown.at("/error/details/1/problem").asText().contains("did you mean shop?"), unknown.toString());
        assertEquals(2, unknown.at("/error/details").size(), "' promo ' is the column promo: " + unknown);
        JsonNode target = send("POST", "/v1/training-jobs", "application/json", base + "\"past_covariates\":[\"visits\"]}", 400);
        assertEquals("past_covariates", target.at("/error/details/0/field").asText(), target.toString());
        JsonNode twice = send("POST", "/v1/training-jobs", "application/json",
                base + "\"known_covariates\":[\"promo\"],\"past_covariates\":[\"promo\"]}", 400);
        assertEquals("past_covariates", twice.at("/error/details/0/field").asText(), twice.toString());
        JsonNode notList = send("POST", "/v1/training-jobs", "application/json", base + "\"known_covariates\":\"promo\"}", 400);
        assertEquals("known_covariates", notList.at("/error/details/0/field").asText(), notList.toString());
        JsonNode stray = send("POST", "/v1/training-jobs", "application/json",
                "{\"dataset\":\"" + id + "\",\"target\":\"visits\",\"known_covariates\":[\"promo\"]}", 400);
        assertEquals("known_covariates", stray.at("/error/details/0/field").asText(), stray.toString());
        String blank = upload("blank.csv", promoCsv().replace("visits\n", "visits,sensor\n").replaceAll("(\\d)\n", "$1,\n"));
        JsonNode empty = send("POST", "/v1/training-jobs", "application/json", base.replace(id, blank)
                + "\"past_covariates\":[\"sensor\"]}", 400);
        assertEquals("past_covariates", empty.at("/error/details/0/field").asText(), empty.toString());
        assertTrue(empty.at("/error/details/0/problem").asText().contains("no value"), empty.toString());
        assertEquals(0, send("GET", "/v1/training-jobs", null, null, 200).get("jobs").size(), "no job was started");
    }

    @Test
    void includeHistoryIsChecked() throws Exception {
        String id = upload("sales.csv", Files.readString(SALES));
        trainToEnd("{\"dataset\":\"" + id + "\",\"target\":\"units\",\"task\":\"forecast\",\"time_column\":\"month\","
                + "\"series_column\":\"store\",\"horizon\":3,\"budget_seconds\":5,\"name\":\"shop\"}");
        JsonNode negative = send("POST", "/v1/models/shop/forecast", "application/json",
                "{\"series_id\":\"harbor\",\"include_history\":-1}", 400);
        assertTrue(negative.at("/error/message").asText().contains("include_history"), negative.toString());
        JsonNode both = send("POST", "/v1/models/shop/forecast", "application/json",
                "{\"series_id\":\"harbor\",\"include_history\":5,\"history\":[{\"timestamp\":\"2020-01\",\"value\":1},"
                        + "{\"timestamp\":\"2020-02\",\"value\":2}]}", 400);
        assertTrue(both.at("/error/message").asText().contains("cannot be combined"), both.toString());
        JsonNode none = send("POST", "/v1/models/shop/forecast", "application/json", "{\"series_id\":\"station\"}", 200);
        assertFalse(none.at("/series/0").has("history"), none.toString());
    }
}
