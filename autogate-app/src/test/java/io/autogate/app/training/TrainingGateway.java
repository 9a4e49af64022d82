package io.autogate.app.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.gateway.Gateway;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessLog;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A real gateway on loopback with the engine plugged in, over one registry folder; close it to stop the process's part. */
final class TrainingGateway implements AutoCloseable {
    static final String KEY = "k";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final EngineTrainingService training;
    private final Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    TrainingGateway(Path registry) throws Exception {
        this(registry, 1 << 20);
    }

    /** A gateway whose training service takes uploads of at most {@code datasetLimitBytes}. */
    TrainingGateway(Path registry, long datasetLimitBytes) throws Exception {
        training = new EngineTrainingService(registry, datasetLimitBytes, 2, Clock.systemUTC());
        gateway = Gateway.start(vertx, GatewayConfig.builder(registry).address("127.0.0.1", 0).keys(KEY, null).build(),
                AccessLog.discarding(), training).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(30));
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String type, String body) throws Exception {
        return JSON.readTree(send(method, path, type, body).body());
    }

    /** The job's view once {@code done} says so, polled for at most 90 seconds. */
    JsonNode awaitJob(String id, java.util.function.Predicate<JsonNode> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> json("GET", "/v1/training-jobs/" + id, null, null), done::test);
    }

    /** The job's view once its status is one of {@code statuses}. */
    JsonNode awaitStatus(String id, Set<String> statuses) {
        return awaitJob(id, view -> statuses.contains(view.path("status").asText()));
    }

    @Override
    public void close() throws Exception {
        gateway.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        training.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
