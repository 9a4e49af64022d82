package io.autogate.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns every failure into the one JSON error shape
 * {@code {"error":{"status","code","message","details"},"request_id"}}. An {@link ApiException}
 * keeps its status and message; a request the router cannot read (400), a 413 from the body
 * limit, an unknown route (404), a wrong method (405), a content type no route consumes (415) and
 * an unsatisfiable Accept (406) get their own codes; anything else is a 500 whose details stay in
 * the server log (never in the response). A 503 carries {@code Retry-After}.
 */
public final class ErrorResponses {
    private static final System.Logger LOG = System.getLogger("autogate.gateway");

    private ErrorResponses() {
    }

    /** Installs the failure handlers on a router. */
    public static void install(Router router) {
        router.route().failureHandler(ErrorResponses::handle);
        router.errorHandler(400, ctx -> send(ctx, ApiException.badRequest("the request cannot be read (for example a "
                + "malformed %-escape in the path)")));
        router.errorHandler(404, ctx -> send(ctx, new ApiException(404, "route_not_found",
                "no route " + ctx.request().method() + " " + ctx.request().path() + "; see GET /openapi.json")));
        router.errorHandler(405, ctx -> send(ctx, new ApiException(405, "method_not_allowed",
                "method " + ctx.request().method() + " is not allowed on " + ctx.request().path())));
        router.errorHandler(415, ctx -> send(ctx, new ApiException(415, "unsupported_media_type",
                "content type " + describe(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)) + " is not accepted by "
                        + ctx.request().method() + " " + ctx.request().path() + "; see GET /openapi.json")));
        router.errorHandler(406, ctx -> send(ctx, new ApiException(406, "not_acceptable",
                "no answer of route " + ctx.request().path() + " matches the Accept header")));
    }

    private static String describe(String contentType) {
        return contentType == null || contentType.isBlank() ? "(none)" : "'" + contentType + "'";
    }

    private static void handle(RoutingContext ctx) {
        send(ctx, toApiException(ctx.failure(), ctx.statusCode()));
    }

    /** The API error for a failure and the status the router recorded. */
    public static ApiException toApiException(Throwable failure, int statusCode) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (statusCode == 413) {
            return new ApiException(413, "body_too_large", "the request body is larger than this gateway accepts");
        }
        if (failure == null && statusCode >= 400 && statusCode < 500) {
            return new ApiException(statusCode, "bad_request", "the request was refused (HTTP " + statusCode + ")");
        }
        LOG.log(System.Logger.Level.ERROR, "request failed", failure);
        return new ApiException(500, "internal_error", "the gateway failed to answer; the server log has the details");
    }

    /** Sends an API error as the JSON error shape, unless a response is already under way. */
    public static void send(RoutingContext ctx, ApiException e) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", e.status());
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (!e.details().isEmpty()) {
            error.put("details", e.details());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("request_id", RequestIds.of(ctx));
        if (e.status() == 503) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        Json.send(ctx, e.status(), body);
    }
}
