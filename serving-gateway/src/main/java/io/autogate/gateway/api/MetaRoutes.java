package io.autogate.gateway.api;

import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Gzip;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health, metrics and the API description: {@code /health/live}, {@code /health/ready}, the Open
 * Inference Protocol's {@code /v2}, {@code /v2/health/live} and {@code /v2/health/ready},
 * {@code /metrics} (Prometheus text) and {@code /openapi.json}.
 */
public final class MetaRoutes {
    /** The class-path resource holding the OpenAPI document. */
    public static final String OPENAPI_RESOURCE = "/openapi.json";

    private final Path registry;
    private final GatewayMetrics metrics;
    private final Buffer openApi;

    /** Routes reporting on a gateway serving this registry folder. */
    public MetaRoutes(Path registry, GatewayMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.openApi = Buffer.buffer(openApiDocument());
    }

    /** Adds the routes to a router. */
    public void mount(Router router) {
        router.get("/health/live").handler(ctx -> ctx.json(Map.of("status", "live")));
        router.get("/health/ready").handler(ctx -> ctx.json(ready()));
        router.get("/v2").handler(ctx -> ctx.json(Map.of("name", "autogate", "version", version(),
                "extensions", java.util.List.of("model_repository_readonly", "binary_tensor_data"))));
        router.get("/v2/health/live").handler(ctx -> ctx.json(Map.of("live", true)));
        router.get("/v2/health/ready").handler(ctx -> {
            ready();
            ctx.json(Map.of("ready", true));
        });
        router.get("/metrics").handler(ctx -> Gzip.end(ctx.request(), ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
                Buffer.buffer(metrics.scrape())));
        router.get("/openapi.json").handler(ctx -> Gzip.end(ctx.request(), ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json"), openApi));
    }

    /** Health routes answer on the event loop, so they still answer when the inference pool is full. */
    private Map<String, Object> ready() {
        if (!Files.isDirectory(registry) || !Files.isReadable(registry)) {
            throw new ApiException(503, "not_ready", "the registry folder cannot be read");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ready");
        return out;
    }

    private static String version() {
        String v = MetaRoutes.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static byte[] openApiDocument() {
        try (InputStream in = MetaRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the gateway jar lacks " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
