package io.autogate.gateway.http;

import io.autogate.gateway.metrics.GatewayMetrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Objects;

/**
 * The first handler of every request: gives it a request id, and when the response is sent
 * records the HTTP metric (by route template, so paths with names do not explode the series) and
 * writes one structured access-log line: time, request id, method, path, route, status, duration,
 * bytes sent, and the endpoint, model and arm when a predict route set them.
 */
public final class RequestTracking implements Handler<RoutingContext> {
    /** Routing-context key of the endpoint that answered, when any. */
    public static final String ENDPOINT = "autogate.endpoint";
    /** Routing-context key of the model@version that answered, when any. */
    public static final String MODEL = "autogate.model";
    /** Routing-context key of the arm that answered, when any. */
    public static final String ARM = "autogate.arm";

    private final GatewayMetrics metrics;
    private final AccessLog accessLog;
    private final Clock clock;

    /** Tracking that records into these metrics and this log. */
    public RequestTracking(GatewayMetrics metrics, AccessLog accessLog, Clock clock) {
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String id = RequestIds.assign(ctx);
        ctx.addBodyEndHandler(v -> {
            long nanos = System.nanoTime() - start;
            int status = ctx.response().getStatusCode();
            String template = Objects.requireNonNullElse(template(ctx.currentRoute()), "unmatched");
            metrics.recordHttp(ctx.request().method().name(), template, status, nanos);
            accessLog.write(new AccessEntry(clock.instant(), id, ctx.request().method().name(), ctx.request().path(),
                    template, status, nanos, ctx.response().bytesWritten(), ctx.get(ENDPOINT), ctx.get(MODEL),
                    ctx.get(ARM)));
        });
        ctx.next();
    }

    /**
     * The template of a route: its path with parameters ({@code /v1/models/:ref/predict}), or for a
     * regular-expression route the name it was given ({@code /v1/models/{name}:predict}); {@code null}
     * for a route with neither.
     */
    public static String template(Route route) {
        return route == null ? null : route.getPath() != null ? route.getPath() : route.getName();
    }
}
