package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.endpoints.EndpointService;
import io.autogate.gateway.feedback.FeedbackResult;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.http.RequestIds;
import io.autogate.gateway.http.RequestTracking;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.request.PredictBody;
import io.autogate.gateway.request.PredictResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code /v1/endpoints} routes: list, show, set (admin) and delete (admin) endpoints; predict
 * through them; their report, feedback and drift. Batch through an endpoint is in
 * {@link BatchRoutes}.
 */
public final class EndpointRoutes {
    private final EndpointService endpoints;
    private final InferencePool pool;
    private final AccessKeys keys;
    private final GatewayConfig config;

    /** Routes over the endpoint service. */
    public EndpointRoutes(EndpointService endpoints, InferencePool pool, AccessKeys keys, GatewayConfig config) {
        this.endpoints = endpoints;
        this.pool = pool;
        this.keys = keys;
        this.config = config;
    }

    /** Adds the routes to a router. */
    public void mount(Router router) {
        var json = RouteSupport.jsonBody(config.bodyLimitBytes());
        router.get("/v1/endpoints").handler(ctx -> RouteSupport.answerJson(ctx, pool, 200,
                () -> Map.of("endpoints", endpoints.list())));
        router.get("/v1/endpoints/:endpoint").handler(ctx -> {
            String name = RouteSupport.name(ctx, "endpoint", "endpoint name");
            RouteSupport.answerJson(ctx, pool, 200, () -> endpoints.view(name));
        });
        router.put("/v1/endpoints/:endpoint").handler(keys.admin()).handler(json).handler(ctx -> {
            String name = RouteSupport.name(ctx, "endpoint", "endpoint name");
            JsonNode body = Json.body(ctx);
            RouteSupport.answerJson(ctx, pool, 200, () -> endpoints.put(name, body));
        });
        router.delete("/v1/endpoints/:endpoint").handler(keys.admin()).handler(ctx -> {
            String name = RouteSupport.name(ctx, "endpoint", "endpoint name");
            pool.submit(() -> endpoints.delete(name)).onComplete(done -> {
                if (done.failed()) {
                    ctx.fail(done.cause());
                } else if (!done.result()) {
                    ctx.fail(ApiException.notFound("endpoint_not_found", "no endpoint named '" + name + "'"));
                } else {
                    ctx.response().setStatusCode(204).end();
                }
            });
        });
        router.post("/v1/endpoints/:endpoint/predict").handler(keys.predict()).handler(json).handler(this::predict);
        router.get("/v1/endpoints/:endpoint/report").handler(ctx -> {
            String name = RouteSupport.name(ctx, "endpoint", "endpoint name");
            RouteSupport.answerJson(ctx, pool, 200, () -> endpoints.report(name));
        });
        router.post("/v1/endpoints/:endpoint/feedback").handler(keys.predict()).handler(json).handler(ctx -> {
            String name = RouteSupport.name(ctx, "endpoint", "endpoint name");
            JsonNode body = Json.body(ctx);
            RouteSupport.answerJson(ctx, pool, 200, () -> feedbackBody(endpoints.feedback(name, body)));
        });
        router.get("/v1/endpoints/:endpoint/drift").handler(ctx -> {
            String name = RouteSupport.name(ctx, "endpoint", "endpoint name");
            RouteSupport.answerJson(ctx, pool, 200, () -> endpoints.drift(name));
        });
    }

    private void predict(RoutingContext ctx) {
        String name = RouteSupport.name(ctx, "endpoint", "endpoint name");
        byte[] body = Json.bodyBytes(ctx);
        String requestId = RequestIds.of(ctx);
        ctx.put(RequestTracking.ENDPOINT, name);
        RouteSupport.answerJson(ctx, pool, 200, () -> {
            EndpointService.EndpointAnswer answer = endpoints.predict(name, PredictBody.read(body), ctx.request()::getHeader, requestId);
            ctx.put(RequestTracking.MODEL, answer.model().id());
            ctx.put(RequestTracking.ARM, answer.arm());
            ctx.response().putHeader("X-Autogate-Model", answer.model().id());
            ctx.response().putHeader("X-Autogate-Arm", answer.arm());
            return PredictResponses.of(answer.model().model(), requestId, name, answer.arm(),
                    answer.scored().predictions(), answer.scored().warnings());
        });
    }

    private static Object feedbackBody(FeedbackResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", result.accepted());
        out.put("rejected", result.rejected().stream().map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", r.index());
            entry.put("request_id", r.requestId());
            entry.put("row", r.row());
            entry.put("code", r.code());
            entry.put("reason", r.message());
            return entry;
        }).toList());
        return out;
    }
}
