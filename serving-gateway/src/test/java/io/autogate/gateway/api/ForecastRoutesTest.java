package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.forecast.ForecastMember;
import io.autogate.runtime.forecast.ForecastSpec;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.NaiveModel;
import io.autogate.runtime.forecast.SeasonalNaiveModel;
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

/** The forecast routes over real HTTP: one series, a batch, history, and 400/404/409 answers. */
class ForecastRoutesTest extends GatewayTestBase {
    /** Two quarterly series forecast by seasonal naive (m = 4). */
    static ModelArtifact trips() {
        List<ForecastMember> members = List.of(new ForecastMember("seasonal_naive", 1, new SeasonalNaiveModel(4)));
        SeriesSpec a = new SeriesSpec("a", "2000 Q1", new double[] {1, 2, 3, 4, 2, 3, 4, 5}, members, List.of());
        SeriesSpec b = new SeriesSpec("b", "2001 Q1", new double[] {10, 20, 30, 40, 10, 20}, List.of(
                new ForecastMember("naive", 1, new NaiveModel())), List.of());
        ForecastSpec spec = new ForecastSpec("quarter", "region", "trips", new Frequency(ChronoUnit.MONTHS, 3),
                TimeFormat.YEAR_QUARTER, 2, 4, List.of(a, b), Map.of(), Map.of(), List.of());
        Schema schema = new Schema(List.of(ColumnSpec.of("quarter", ColumnType.DATETIME), ColumnSpec.of("region",
                ColumnType.CATEGORICAL)), "trips", TaskType.REGRESSION, List.of());
        return new ModelArtifact(new ModelManifest(ModelManifest.CURRENT_FORMAT, null, 0, schema,
                new DatasetProfile(14, List.of(), List.of()), "mase", Map.of(), List.of(), List.of(), null, Map.of(), null, spec),
                Map.of());
    }

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("trips", trips());
        gateway.register("price", TestModels.price(3));
    }

    @Test
    void forecastsOneSeriesFromTheEndOfTraining() {
        HttpResponse<String> r = gw.postJson("/v1/models/trips/forecast", "{\"series_id\":\"a\",\"horizon\":3}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("trips@1", body.get("model").asText());
        JsonNode steps = body.get("series").get(0).get("forecast");
        assertEquals(3, steps.size());
        assertEquals("2002 Q1", steps.get(0).get("timestamp").asText());
        assertEquals(2, steps.get(0).get("prediction").asDouble(), 1e-12);
        assertEquals(4, steps.get(2).get("prediction").asDouble(), 1e-12);
        assertTrue(steps.get(0).get("lower_95").asDouble() < steps.get(0).get("lower_80").asDouble());
        assertTrue(steps.get(0).get("upper_95").asDouble() > steps.get(0).get("upper_80").asDouble());
    }

    @Test
    void batchForecastsManySeriesIncludingANewOneFromItsHistory() {
        HttpResponse<String> r = gw.postJson("/v1/models/trips@1/forecast/batch", "{\"horizon\":2,\"series\":["
                + "{\"series_id\":\"b\"},{\"series_id\":\"new\",\"history\":[{\"timestamp\":\"2005 Q1\",\"value\":7},"
                + "{\"timestamp\":\"2005 Q2\",\"value\":null},{\"timestamp\":\"2005 Q3\",\"value\":9}]}]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode series = json(r).get("series");
        assertEquals("b", series.get(0).get("series_id").asText());
        assertEquals("2002 Q3", series.get(0).get("forecast").get(0).get("timestamp").asText());
        assertEquals(20, series.get(0).get("forecast").get(1).get("prediction").asDouble(), 1e-12);
        assertEquals("2005 Q4", series.get(1).get("forecast").get(0).get("timestamp").asText());
        assertEquals(9, series.get(1).get("forecast").get(0).get("prediction").asDouble(), 1e-12);
        assertTrue(series.get(1).get("notes").toString().contains("imputed"), series.get(1).toString());
    }

    @Test
    void badInputIsFourHundredNamingTheField() {
        assertBad("{\"series_id\":\"a\",\"horizon\":0}", "horizon");
        assertBad("{\"series_id\":\"a\",\"horizon\":\"soon\"}", "horizon");
        assertBad("{\"horizon\":2}", "series_id");
        assertBad("{\"series_id\":\"a\",\"history\":[{\"timestamp\":\"yesterday\",\"value\":1},"
                + "{\"timestamp\":\"2001 Q2\",\"value\":1}]}", "yesterday");
        assertBad("{\"series_id\":\"a\",\"history\":[{\"timestamp\":\"2001 Q1\",\"value\":\"x\"}]}", "history[0].value");
        assertBad("{\"series_id\":\"a\",\"history\":[{\"timestamp\":\"2001 Q1\",\"value\":1}]}", "at least 2");
        HttpResponse<String> batch = gw.postJson("/v1/models/trips/forecast/batch", "{\"series\":[]}");
        assertEquals(400, batch.statusCode());
        HttpResponse<String> unknown = gw.postJson("/v1/models/trips/forecast", "{\"series_id\":\"zz\"}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("series_not_found", json(unknown).get("error").get("code").asText(), unknown.body());
        assertEquals(404, gw.postJson("/v1/models/nope/forecast", "{\"series_id\":\"a\"}").statusCode());
        assertEquals(409, gw.postJson("/v1/models/price/forecast", "{\"series_id\":\"a\"}").statusCode());
        assertEquals(409, gw.postJson("/v1/models/trips/predict", "{\"rows\":[{\"quarter\":\"2001 Q1\"}]}").statusCode());
    }

    private void assertBad(String body, String word) {
        HttpResponse<String> r = gw.postJson("/v1/models/trips/forecast", body);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains(word), "expected '" + word + "' in " + r.body());
    }
}
