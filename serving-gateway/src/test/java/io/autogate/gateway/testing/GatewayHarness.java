package io.autogate.gateway.testing;

import io.autogate.gateway.Gateway;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessLog;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.testing.ManualClock;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real gateway on a loopback port for tests: a file registry in a folder, a test clock, the
 * admin key {@value #ADMIN_KEY}, and a blocking JDK HTTP client.
 */
public final class GatewayHarness implements AutoCloseable {
    /** The admin key of harness gateways. */
    public static final String ADMIN_KEY = "test-admin-key";

    private final Path registryDir;
    private final FileModelRegistry registry;
    private final ManualClock clock;
    private final Vertx vertx;
    private final UnaryOperator<GatewayConfig.Builder> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Gateway gateway;

    private GatewayHarness(Vertx vertx, Path registryDir, UnaryOperator<GatewayConfig.Builder> settings) {
        this.vertx = vertx;
        this.registryDir = registryDir;
        this.registry = new FileModelRegistry(registryDir, ModelFormats.discover());
        this.clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        this.settings = settings;
    }

    /** A harness with default settings (not started). */
    public static GatewayHarness create(Vertx vertx, Path registryDir) {
        return new GatewayHarness(vertx, registryDir, b -> b);
    }

    /** A harness whose configuration the caller adjusts (not started). */
    public static GatewayHarness create(Vertx vertx, Path registryDir, UnaryOperator<GatewayConfig.Builder> settings) {
        return new GatewayHarness(vertx, registryDir, settings);
    }

    /** Starts (or restarts) the gateway. */
    public GatewayHarness start() {
        GatewayConfig.Builder builder = GatewayConfig.builder(registryDir).address("127.0.0.1", 0)
                .keys(ADMIN_KEY, null).clock(clock);
        gateway = await(Gateway.start(vertx, settings.apply(builder).build(), AccessLog.discarding()));
        return this;
    }

    /** Stops the gateway, keeping the registry folder. */
    public void stop() {
        if (gateway != null) {
            await(gateway.close());
            gateway = null;
        }
    }

    /** The running gateway. */
    public Gateway gateway() {
        return gateway;
    }

    /** The registry the gateway serves. */
    public FileModelRegistry registry() {
        return registry;
    }

    /** The gateway's clock. */
    public ManualClock clock() {
        return clock;
    }

    /** Registers a model version; returns its version number. */
    public int register(String name, ModelArtifact artifact) {
        try {
            return registry.register(name, artifact).version();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request builder for a path on the gateway. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(30));
    }

    /** Sends a request and returns the answer as text. */
    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request and returns the answer's bytes as they came (no decompression). */
    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET a path. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** POST a JSON body. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** PUT a JSON body with the admin key. */
    public HttpResponse<String> putAdmin(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** DELETE a path with the admin key. */
    public HttpResponse<String> deleteAdmin(String path) {
        return send(request(path).header("Authorization", "Bearer " + ADMIN_KEY).DELETE().build());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("gateway did not start or stop: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
