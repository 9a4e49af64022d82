package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The UI's only way to the gateway: its public REST API over {@code java.net.http}, with the admin
 * key on every call. A non-2xx answer becomes a {@link GatewayException} carrying the gateway's own
 * message and field-level details; a gateway that cannot be reached says so in plain words.
 */
public final class GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of the gateway at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public GatewayClient(URI base, String adminKey) {
        this.base = base;
        this.adminKey = adminKey;
    }

    /** The gateway's address. */
    public URI base() {
        return base;
    }

    /** Uploads a CSV; the dataset description. */
    public JsonNode uploadDataset(String fileName, byte[] csv) {
        return send("POST", "/v1/datasets?name=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8), "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(csv));
    }

    /** Starts a training job. */
    public JsonNode startJob(JsonNode request) {
        return sendJson("POST", "/v1/training-jobs", request);
    }

    /** A training job's progress. */
    public JsonNode job(String id) {
        return get("/v1/training-jobs/" + encode(id));
    }

    /** Asks a training job to stop. */
    public JsonNode cancelJob(String id) {
        return send("POST", "/v1/training-jobs/" + encode(id) + "/cancel", null, HttpRequest.BodyPublishers.noBody());
    }

    /** The registered models. */
    public JsonNode models() {
        return get("/v1/models");
    }

    /** A model's versions, aliases and the latest version's schema. */
    public JsonNode model(String name) {
        return get("/v1/models/" + encode(name));
    }

    /** Forecasts one series of a forecasting model ({@code series_id}, {@code horizon}, {@code include_history}). */
    public JsonNode forecast(String modelRef, JsonNode body) {
        return sendJson("POST", "/v1/models/" + encode(modelRef) + "/forecast", body);
    }

    /** The future rows a forecast of one series needs: its step timestamps, a null per known covariate. */
    public JsonNode futureTemplate(String modelRef, String seriesId, int horizon) {
        String query = "?horizon=" + horizon + (seriesId == null ? "" : "&series_id=" + encode(seriesId));
        return get("/v1/models/" + encode(modelRef) + "/forecast/future" + query);
    }

    /** Points an alias at a version. */
    public JsonNode putAlias(String model, String alias, int version) {
        return sendJson("PUT", "/v1/models/" + encode(model) + "/aliases/" + encode(alias),
                JSON.createObjectNode().put("version", version));
    }

    /** Creates or replaces an endpoint's policy. */
    public JsonNode putEndpoint(String endpoint, JsonNode policy) {
        return sendJson("PUT", "/v1/endpoints/" + encode(endpoint), policy);
    }

    /** The endpoints. */
    public JsonNode endpoints() {
        return get("/v1/endpoints");
    }

    /** Predicts rows through an endpoint. */
    public JsonNode predict(String endpoint, JsonNode body) {
        return sendJson("POST", "/v1/endpoints/" + encode(endpoint) + "/predict", body);
    }

    /** Scores a CSV through an endpoint; the scored CSV. */
    public byte[] batch(String endpoint, byte[] csv) {
        HttpResponse<byte[]> r = exchange(request("/v1/endpoints/" + encode(endpoint) + "/batch")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2) {
            throw GatewayException.of(r.statusCode(), parse(r.body()));
        }
        return r.body();
    }

    /** An endpoint's traffic, latency, arm split, shadow and canary report. */
    public JsonNode report(String endpoint) {
        return get("/v1/endpoints/" + encode(endpoint) + "/report");
    }

    /** An endpoint's input drift per feature. */
    public JsonNode drift(String endpoint) {
        return get("/v1/endpoints/" + encode(endpoint) + "/drift");
    }

    private JsonNode get(String path) {
        return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
    }

    private JsonNode sendJson(String method, String path, JsonNode body) {
        try {
            return send(method, path, "application/json", HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String method, String path, String type, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = request(path).method(method, body);
        if (type != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<byte[]> r = exchange(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = parse(r.body());
        if (r.statusCode() / 100 != 2) {
            throw GatewayException.of(r.statusCode(), json);
        }
        return json;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (adminKey != null) {
            b.header("Authorization", "Bearer " + adminKey);
        }
        return b;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new GatewayException(0, "the Autogate server at " + base + " cannot be reached; is it running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(0, "interrupted while waiting for the Autogate server");
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
