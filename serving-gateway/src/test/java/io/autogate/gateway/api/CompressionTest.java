package io.autogate.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.GatewayTestBase;
import io.autogate.gateway.testing.TestModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
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
        assertTrue(r.body().length < Json.COMPRESSION_THRESHOLD_BYTES, "the test needs a small answer");
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
    void withoutAcceptEncodingNothingIsCompressed() {
        HttpResponse<byte[]> r = gw.sendBytes(gw.request("/openapi.json").GET().build());
        assertEquals(200, r.statusCode());
        assertEquals(Optional.empty(), r.headers().firstValue("Content-Encoding"));
        assertTrue(r.body().length > Json.COMPRESSION_THRESHOLD_BYTES);
    }
}
