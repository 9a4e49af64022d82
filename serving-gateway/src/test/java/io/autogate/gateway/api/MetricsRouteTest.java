package io.autogate.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} exposes HTTP, prediction, cache and JVM series in Prometheus text. */
class MetricsRouteTest extends GatewayTestBase {
    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
        gateway.register("broken", TestModels.failing());
    }

    private static double value(String scrape, String seriesStart) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(seriesStart)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no series starting with " + seriesStart);
    }

    private static List<String> lines(String scrape, String regex) {
        Pattern p = Pattern.compile(regex);
        return scrape.lines().filter(l -> p.matcher(l).find()).toList();
    }

    @Test
    void scrapeHasLatencyHistogramsPredictionsCacheAndJvmSeries() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = gw.postJson("/v1/models/churn/predict", "{\"rows\":[" + TestModels.row(i, "red") + "]}");
            assertEquals(200, r.statusCode(), r.body());
        }
        assertEquals(404, gw.postJson("/v1/models/nope/predict", "{\"rows\":[" + TestModels.row(1, "red") + "]}").statusCode());

        assertEquals(500, gw.postJson("/v1/models/broken/predict", "{\"rows\":[" + TestModels.row(1, "red") + "]}").statusCode());
        assertEquals(400, gw.postJson("/v1/models/churn/predict", "{\"rows\":[{\"x\":\"abc\"}]}").statusCode());

        HttpResponse<String> r = gw.get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        String scrape = r.body();

        List<String> buckets = lines(scrape, "^http_server_requests_seconds_bucket\\{.*route=\"/v1/models/:ref/predict\"");
        assertTrue(!buckets.isEmpty(), "no latency histogram of the predict route:\n" + scrape);
        assertTrue(buckets.stream().anyMatch(l -> l.contains("le=\"+Inf\"") && l.contains("status=\"200\"")
                && l.endsWith(" 3")), "three 200s in the +Inf bucket");
        assertTrue(buckets.stream().anyMatch(l -> l.contains("status=\"404\"")), "the 404 keeps its route: " + buckets);

        assertEquals(3.0, value(scrape, "autogate_predictions_seconds_count{arm=\"-\",endpoint=\"-\",model=\"churn@1\"}"), 0.0);
        assertEquals(1.0, value(scrape, "autogate_prediction_errors_total{arm=\"-\",endpoint=\"-\",model=\"broken@1\"}"), 0.0);
        assertTrue(lines(scrape, "^autogate_prediction_errors_total\\{.*churn").isEmpty(), "a 400 is not a model error");
        Matcher model = Pattern.compile("autogate_predictions_seconds_count\\{[^}]*model=\"churn@1\"").matcher(scrape);
        assertTrue(model.find(), scrape);

        assertTrue(!lines(scrape, "^cache_gets_total\\{.*cache=\"models\"").isEmpty(), "cache series missing");
        double hits = lines(scrape, "^cache_gets_total\\{.*result=\"hit\"").stream()
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(hits >= 2, "three predictions of one version load it once and hit the cache after: "
                + lines(scrape, "^cache_gets_total"));
        assertTrue(!lines(scrape, "^jvm_memory_used_bytes\\{").isEmpty(), "jvm memory missing");
        assertTrue(!lines(scrape, "^autogate_inference_in_flight ").isEmpty(), "pool gauge missing");
    }

    @Test
    void batchRowsAreCountedForStreamsAndJobs() {
        HttpResponse<String> r = gw.send(gw.request("/v1/models/churn/batch").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x,color\n1,red\n2,blue\nabc,red\n")).build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3.0, value(gw.get("/metrics").body(), "autogate_batch_rows_total{kind=\"model\"}"), 0.0);
        HttpResponse<String> job = gw.send(gw.request("/v1/batch-jobs?model=churn").header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x,color\n1,red\n2,blue\n")).build());
        assertEquals(202, job.statusCode(), job.body());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                value(gw.get("/metrics").body(), "autogate_batch_rows_total{kind=\"model\"}") == 5.0);
    }

    @Test
    void unmatchedPathsShareOneSeries() {
        assertEquals(404, gw.get("/no/such/path/1").statusCode());
        assertEquals(404, gw.get("/no/such/path/2").statusCode());
        String scrape = gw.get("/metrics").body();
        assertTrue(lines(scrape, "/no/such/path").isEmpty(), "raw paths must not become series");
    }
}
