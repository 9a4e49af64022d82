package io.autogate.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.Gzip;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A client that accepts gzip gets large answers compressed and small ones (a one-row prediction)
 * as they are, since compressing a few hundred bytes costs more CPU than it saves.
 */
class CompressionTest extends GatewayTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void registerModels(GatewayHarness gateway) {
        gateway.register("churn", TestModels.churn(2));
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<byte[]> predict(int rows) {
        StringBuilder body = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < rows; i++) {
            body.append(i == 0 ? "" : ",").append(TestModels.row(i % 7 - 3, i % 2 == 0 ? "red" : "blue"));
        }
        return gw.sendBytes(gw.request("/v1/models/churn/predict").header("Content-Type", "application/json")
                .header("Accept-Encoding", "gzip, deflate")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build());
    }

    @Test
    void aOneRowPredictionIsNotCompressed() throws Exception {
        HttpResponse<byte[]> r = predict(1);
        assertEquals(200, r.statusCode());
        assertEquals(Optional.empty(), r.headers().firstValue("Content-Encoding"));
        assertTrue(r.body().length < Gzip.THRESHOLD_BYTES, "the test needs a small answer");
        assertEquals("churn", JSON.readTree(r.body()).get("model").asText());
    }

    @Test
    void aManyRowPredictionIsGzippedAndReadsBackWhole() throws Exception {
        HttpResponse<byte[]> r = predict(200);
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        String text = gunzip(r.body());
        assertTrue(r.body().length < text.length() / 3, r.body().length + " compressed bytes for " + text.length());
        assertEquals(200, JSON.readTree(text).get("predictions").size());
    }

    @Test
    void aStreamedBatchAnswerIsGzipped() throws Exception {
        HttpResponse<byte[]> r = gw.sendBytes(gw.request("/v1/models/churn/batch").header("Content-Type", "text/csv")
                .header("Accept-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString("x,color\n1,red\n2,blue\n"))
                .build());
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(3, gunzip(r.body()).lines().count(), "a header and two rows");
    }

    @Test
    void aLongBatchStreamedInManyChunksDecodesToTheUncompressedAnswer() throws Exception {
        StringBuilder csv = new StringBuilder("x,color\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append(i % 11 - 5).append(i % 3 == 0 ? ",red\n" : ",blue\n");
        }
        HttpResponse<byte[]> plain = batch(csv.toString(), null);
        HttpResponse<byte[]> gzipped = batch(csv.toString(), "gzip");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(Optional.empty(), plain.headers().firstValue("Content-Encoding"));
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertEquals(30_001, text.lines().count());
        assertEquals(text, gunzip(gzipped.body()));
        assertTrue(gzipped.body().length < plain.body().length / 4, gzipped.body().length + " vs " + plain.body().length);
    }

    @Test
    void aBatchRefusedBeforeAnyOutputIsAPlainJsonError() throws Exception {
        HttpResponse<byte[]> r = batch("", "gzip");
        assertEquals(400, r.statusCode());
        assertEquals(Optional.empty(), r.headers().firstValue("Content-Encoding"));
        assertEquals("invalid_input", JSON.readTree(r.body()).get("error").get("code").asText());
    }

    @Test
    void aFinishedJobsResultDownloadsGzipped() throws Exception {
        HttpResponse<String> submitted = gw.send(gw.request("/v1/batch-jobs?model=churn").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x,color\n1,red\n2,blue\n")).build());
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = JSON.readTree(submitted.body()).get("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> gw.get("/v1/batch-jobs/" + id).body().contains("SUCCEEDED"));
        String plain = gw.get("/v1/batch-jobs/" + id + "/result").body();
        HttpResponse<byte[]> gzipped = gw.sendBytes(gw.request("/v1/batch-jobs/" + id + "/result")
                .header("Accept-Encoding", "gzip").GET().build());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(3, plain.lines().count(), plain);
        assertEquals(plain, gunzip(gzipped.body()));
    }

    @Test
    void metricsAndTheOpenApiDocumentAreGzippedForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> metrics = gw.sendBytes(gw.request("/metrics").header("Accept-Encoding", "br, gzip;q=0.5").GET().build());
        assertEquals("gzip", metrics.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(gunzip(metrics.body()).contains("jvm_memory_used_bytes"));
        HttpResponse<byte[]> openApi = gw.sendBytes(gw.request("/openapi.json").header("Accept-Encoding", "gzip").GET().build());
        assertEquals("gzip", openApi.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(gw.get("/openapi.json").body(), gunzip(openApi.body()));
    }

    @Test
    void gzipRefusedWithQZeroOrNotOfferedIsNotUsed() {
        for (String accept : new String[] {"gzip;q=0", "identity", "deflate, br", "gzip; q=0.0, identity", "gzip;q=0, *",
                "*;q=0"}) {
            HttpResponse<byte[]> r = gw.sendBytes(gw.request("/openapi.json").header("Accept-Encoding", accept).GET().build());
            assertEquals(200, r.statusCode(), accept);
            assertEquals(Optional.empty(), r.headers().firstValue("Content-Encoding"), accept);
        }
        for (String accept : new String[] {"*", "GZIP", "br;q=1, x-gzip;q=0.1", "*;q=0, gzip"}) {
            HttpResponse<byte[]> r = gw.sendBytes(gw.request("/openapi.json").header("Accept-Encoding", accept).GET().build());
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""), accept);
        }
    }

    private HttpResponse<byte[]> batch(String csv, String acceptEncoding) {
        HttpRequest.Builder request = gw.request("/v1/models/churn/batch").header("Content-Type", "text/csv");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return gw.sendBytes(request.POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    @Test
    void withoutAcceptEncodingNothingIsCompressed() {
        HttpResponse<byte[]> r = gw.sendBytes(gw.request("/openapi.json").GET().build());
        assertEquals(200, r.statusCode());
        assertEquals(Optional.empty(), r.headers().firstValue("Content-Encoding"));
        assertTrue(r.body().length > Gzip.THRESHOLD_BYTES);
    }
}
