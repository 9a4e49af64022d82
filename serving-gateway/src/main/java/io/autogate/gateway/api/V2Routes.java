package io.autogate.gateway.api;

import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.http.RequestTracking;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.models.ModelService;
import io.autogate.gateway.models.ServedModel;
import io.autogate.gateway.request.v2.InferenceV2Body;
import io.autogate.gateway.request.v2.InferenceV2Request;
import io.autogate.gateway.request.v2.InferenceV2Response;
import io.autogate.gateway.request.v2.ModelMetadataV2;
import io.autogate.gateway.request.v2.V2Outputs;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.registry.RegisteredModel;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The Open Inference Protocol v2 (KServe / Triton REST) model routes, so their clients work
 * unchanged: model metadata, readiness and {@code infer}, for the latest version or a given one.
 * Server health and metadata ({@code /v2}, {@code /v2/health/*}) are in {@link MetaRoutes}.
 */
public final class V2Routes {
    private final ModelService models;
    private final InferencePool pool;
    private final GatewayMetrics metrics;
    private final AccessKeys keys;
    private final GatewayConfig config;

    /** Routes over the model service. */
    public V2Routes(ModelService models, InferencePool pool, GatewayMetrics metrics, AccessKeys keys,
                    GatewayConfig config) {
        this.models = models;
        this.pool = pool;
        this.metrics = metrics;
        this.keys = keys;
        this.config = config;
    }

    /** Adds the routes to a router. */
    public void mount(Router router) {
        var json = RouteSupport.jsonBody(config.bodyLimitBytes());
        for (String base : new String[] {"/v2/models/:name", "/v2/models/:name/versions/:version"}) {
            router.get(base).handler(ctx -> RouteSupport.answerJson(ctx, pool, 200, () -> metadata(ctx)));
            router.get(base + "/ready").handler(ctx -> RouteSupport.answerJson(ctx, pool, 200, () -> ready(ctx)));
            router.post(base + "/infer").handler(keys.predict()).handler(json).handler(this::infer);
        }
    }

    private ModelRef ref(RoutingContext ctx) {
        String name = RouteSupport.name(ctx, "name", "model name");
        return ctx.pathParam("version") == null ? new ModelRef(name, null, null)
                : new ModelRef(name, positive(RouteSupport.integer(ctx, "version")), null);
    }

    private static int positive(int version) {
        if (version < 1) {
            throw ApiException.badRequest("version must be 1 or more, got " + version);
        }
        return version;
    }

    private Object metadata(RoutingContext ctx) {
        ServedModel served = models.resolve(ref(ctx));
        RegisteredModel registered = models.find(served.model().name()).orElseThrow();
        return ModelMetadataV2.of(served.model(), registered.versions());
    }

    private Object ready(RoutingContext ctx) {
        ServedModel served = models.resolve(ref(ctx));
        return Map.of("name", served.model().name(), "version", Integer.toString(served.model().version()),
                "ready", true);
    }

    private void infer(RoutingContext ctx) {
        ModelRef ref = ref(ctx);
        String headerLength = ctx.request().getHeader(InferenceV2Body.HEADER_LENGTH);
        byte[] bytes = headerLength == null ? Json.bodyBytes(ctx)
                : Json.bodyBytes(ctx, "application/octet-stream", "application/json");
        RouteSupport.answer(ctx, pool, () -> {
            InferenceV2Body body = InferenceV2Body.read(bytes, headerLength);
            ServedModel served = models.resolve(ref);
            ctx.put(RequestTracking.MODEL, served.id());
            InferenceV2Request request = InferenceV2Request.parse(body, served.model().manifest().schema(),
                    config.maxRowsPerRequest());
            ServedModel.Scored scored = RouteSupport.score(served, request.rows(), metrics);
            return V2Outputs.encode(InferenceV2Response.of(served.model(), request.id(), scored.predictions()),
                    body.json());
        }, V2Routes::send);
    }

    /** A JSON answer, or with binary outputs the JSON and its length header followed by their bytes. */
    private static void send(RoutingContext ctx, V2Outputs.Answer answer) {
        if (!answer.hasBinary()) {
            Json.sendBuffer(ctx, 200, answer.body());
            return;
        }
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream")
                .putHeader(InferenceV2Body.HEADER_LENGTH, Integer.toString(answer.jsonLength())).end(answer.body());
    }
}
