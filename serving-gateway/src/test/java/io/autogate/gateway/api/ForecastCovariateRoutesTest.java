package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.CovariateRole;
import io.autogate.runtime.forecast.ForecastMember;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.NaiveModel;
import io.autogate.runtime.forecast.SeriesSpec;
import io.autogate.runtime.forecast.TimeFormat;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forecast routes on a model with a known-in-advance covariate ({@code promo}) and a past-only
 * one ({@code visits}): future rows are required for every step, history points carry the
 * covariates, and every bad or short input is a 400 naming the covariate, field or timestamp.
 */
class ForecastCovariateRoutesTest extends GatewayTestBase {
    static ModelArtifact promoModel() {
        List<Covariate> covariates = List.of(new Covariate("promo", CovariateRole.KNOWN, ColumnType.BOOLEAN, List.of()),
                new Covariate("visits", CovariateRole.PAST, ColumnType.NUMERIC, List.of()));
        SeriesSpec a = new SeriesSpec("a", "2024-01-01", new double[] {5, 6, 7, 8},
                List.of(new ForecastMember("naive", 1, new NaiveModel())), List.of(), new double[][] {{0, 1, 0, 1}, {50, 60, 70, 80}});
        ForecastSpec spec = new ForecastSpec("day", "shop", "sales", new Frequency(ChronoUnit.DAYS, 1), TimeFormat.DATE, 2, 7,
                List.of(a), Map.of(), Map.of(), List.of(), List.of(), covariates);
        Schema schema = new Schema(List.of(ColumnSpec.of("day", ColumnType.DATETIME), ColumnSpec.of("shop", ColumnType.CATEGORICAL),
                ColumnSpec.of("promo", ColumnType.BOOLEAN), ColumnSpec.of("visits", ColumnType.NUMERIC)), "sales",
                TaskType.REGRESSION, List.of());
        return new ModelArtifact(new ModelManifest(ModelManifest.CURRENT_FORMAT, null, 0, schema,
                new DatasetProfile(4, List.of(), List.of()), "mase", Map.of(), List.of(), List.of(), null, Map.of(), null, spec),
                Map.of());
    }

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("promo", promoModel());
        gateway.register("trips", ForecastRoutesTest.trips());
    }

    private static final String FUTURE = "\"future\":[{\"timestamp\":\"2024-01-05\",\"promo\":true},"
            + "{\"timestamp\":\"2024-01-06\",\"promo\":\"FALSE\"}]";

    @Test
    void forecastsWithFutureRowsFromTheEndOfTrainingAndFromAHistory() {
        HttpResponse<String> r = gw.postJson("/v1/models/promo/forecast", "{\"series_id\":\"a\"," + FUTURE + "}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode steps = json(r).get("series").get(0).get("forecast");
        assertEquals(2, steps.size());
        assertEquals("2024-01-05", steps.get(0).get("timestamp").asText());

        HttpResponse<String> fromHistory = gw.postJson("/v1/models/promo/forecast", "{\"series_id\":\"new\",\"horizon\":1,"
                + "\"history\":[{\"timestamp\":\"2024-01-02\",\"value\":3,\"promo\":false,\"visits\":30},"
                + "{\"timestamp\":\"2024-01-03\",\"value\":4,\"promo\":true,\"visits\":null},"
                + "{\"timestamp\":\"2024-01-04\",\"value\":5,\"promo\":false,\"visits\":50}],"
                + "\"future\":[{\"timestamp\":\"2024-01-05\",\"promo\":1}]}");
        assertEquals(200, fromHistory.statusCode(), fromHistory.body());
        assertTrue(fromHistory.body().contains("covariate 'visits': 1 missing value(s) imputed by linear interpolation"),
                fromHistory.body());

        HttpResponse<String> batch = gw.postJson("/v1/models/promo/forecast/batch", "{\"horizon\":2,\"series\":["
                + "{\"series_id\":\"a\"},{\"series_id\":\"a\",\"horizon\":1,\"future\":[{\"timestamp\":\"2024-01-05\","
                + "\"promo\":false}]}]," + FUTURE + "}");
        assertEquals(200, batch.statusCode(), batch.body());
        assertEquals(2, json(batch).get("series").get(0).get("forecast").size());
        assertEquals(1, json(batch).get("series").get(1).get("forecast").size());

        HttpResponse<String> model = gw.get("/v1/models/promo");
        assertEquals(200, model.statusCode(), model.body());
        JsonNode covariates = json(model).get("forecast").get("covariates");
        assertEquals("promo", covariates.get(0).get("name").asText(), model.body());
        assertEquals("known", covariates.get(0).get("role").asText());
        assertEquals("past", covariates.get(1).get("role").asText());

        HttpResponse<String> plain = gw.postJson("/v1/models/trips/forecast", "{\"series_id\":\"a\",\"horizon\":1,"
                + "\"future\":[{\"timestamp\":\"2002 Q1\",\"promo\":true}]}");
        assertEquals(200, plain.statusCode(), "a model without covariates ignores future rows: " + plain.body());
    }

    @Test
    void theFutureTemplateListsTheStepsToFillAndFilledInItForecasts() {
        HttpResponse<String> r = gw.get("/v1/models/promo/forecast/future?horizon=3");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode template = json(r);
        assertEquals("promo@1", template.get("model").asText(), r.body());
        assertEquals("a", template.get("series_id").asText(), "the one series needs no series_id: " + r.body());
        assertEquals(List.of("promo"), ApiTestSupport.JSON.convertValue(template.get("known_covariates"), List.class));
        JsonNode future = template.get("future");
        assertEquals(List.of("2024-01-05", "2024-01-06", "2024-01-07"),
                List.of(future.get(0).get("timestamp").asText(), future.get(1).get("timestamp").asText(),
                        future.get(2).get("timestamp").asText()));
        assertTrue(future.get(0).has("promo") && future.get(0).get("promo").isNull(), r.body());
        assertEquals(2, json(gw.get("/v1/models/promo/forecast/future")).get("future").size(), "default: the model's horizon");

        ((ObjectNode) future.get(0)).put("promo", true);
        ((ObjectNode) future.get(1)).put("promo", false);
        ((ObjectNode) future.get(2)).put("promo", true);
        HttpResponse<String> filled = gw.postJson("/v1/models/promo/forecast", "{\"series_id\":\"a\",\"horizon\":3,"
                + "\"future\":" + future + "}");
        assertEquals(200, filled.statusCode(), "the filled-in template is a valid future: " + filled.body());

        assertEquals(404, gw.get("/v1/models/promo/forecast/future?series_id=zz").statusCode());
        HttpResponse<String> badHorizon = gw.get("/v1/models/promo/forecast/future?horizon=soon");
        assertEquals(400, badHorizon.statusCode(), badHorizon.body());
        assertTrue(badHorizon.body().contains("horizon"), badHorizon.body());
        assertEquals(400, gw.get("/v1/models/promo/forecast/future?horizon=0").statusCode());
        HttpResponse<String> which = gw.get("/v1/models/trips/forecast/future");
        assertEquals(400, which.statusCode(), which.body());
        assertTrue(which.body().contains("series_id"), "a model with two series needs series_id: " + which.body());
        JsonNode plain = json(gw.get("/v1/models/trips/forecast/future?series_id=a&horizon=1"));
        assertEquals(0, plain.get("known_covariates").size(), "a model without known covariates needs only the timestamps");
        assertEquals("2002 Q1", plain.at("/future/0/timestamp").asText(), plain.toString());
    }

    @Test
    void missingShortOrBadCovariatesAreFourHundredsNamingTheProblem() {
        assertBad("/forecast", "{\"series_id\":\"a\"}", "known covariate 'promo' has no future value at 2024-01-05");
        assertBad("/forecast", "{\"series_id\":\"a\",\"horizon\":3," + FUTURE + "}",
                "known covariate 'promo' has no future value at 2024-01-07 (forecast step 3 of 3)");
        assertBad("/forecast", "{\"series_id\":\"a\",\"future\":[{\"timestamp\":\"2024-01-05\",\"promo\":null},"
                + "{\"timestamp\":\"2024-01-06\",\"promo\":true}]}", "no future value at 2024-01-05");
        assertBad("/forecast", "{\"series_id\":\"a\",\"future\":[{\"timestamp\":\"2024-01-05\",\"promo\":{\"on\":1}}]}",
                "future[0].promo");
        assertBad("/forecast", "{\"series_id\":\"a\",\"future\":[{\"promo\":true}]}", "future[0].timestamp");
        assertBad("/forecast", "{\"series_id\":\"a\",\"future\":{\"promo\":true}}", "field 'future' must be an array");
        assertBad("/forecast", "{\"series_id\":\"a\",\"future\":[{\"timestamp\":\"2024-01-05\",\"promo\":\"maybe\"},"
                + "{\"timestamp\":\"2024-01-06\",\"promo\":true}]}", "'maybe' is not a boolean");
        assertBad("/forecast", "{\"series_id\":\"a\",\"history\":[{\"timestamp\":\"2024-01-03\",\"value\":4,\"promo\":true},"
                + "{\"timestamp\":\"2024-01-04\",\"value\":5,\"promo\":false}]," + FUTURE + "}",
                "covariate 'visits' has no value in the history");
        assertBad("/forecast/batch", "{\"series\":[{\"series_id\":\"a\"}]}", "series[0]: known covariate 'promo'");
    }

    private void assertBad(String route, String body, String words) {
        HttpResponse<String> r = gw.postJson("/v1/models/promo" + route, body);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains(words), "expected '" + words + "' in " + r.body());
    }
}
