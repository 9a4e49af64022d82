package io.autogate.gateway.api;

import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.ErrorResponses;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.models.ServedModel;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.Row;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Small pieces every route module uses: path parsing with 400s, scoring with metrics, and running
 * work off the event loop.
 */
final class RouteSupport {
    private RouteSupport() {
    }

    /**
     * The body handler of the JSON request routes: bodies up to {@code limitBytes} (413 beyond),
     * no uploads, and a body buffer sized from Content-Length (Vert.x caps it at 64 KiB) instead of
     * a fixed 1 KiB one that small predict bodies do not need and large ones outgrow.
     */
    static BodyHandler jsonBody(long limitBytes) {
        return BodyHandler.create(false).setBodyLimit(limitBytes).setPreallocateBodyBuffer(true);
    }

    /** The model reference in a path parameter; 400 when it is malformed. */
    static ModelRef ref(RoutingContext ctx, String param) {
        return ref(ctx.pathParam(param));
    }

    /** A model reference ({@code name}, {@code name@3} or {@code name:alias}); 400 when it is malformed. */
    static ModelRef ref(String text) {
        try {
            return ModelRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** A model, alias or endpoint name in a path parameter; 400 when it is not a valid name. */
    static String name(RoutingContext ctx, String param, String what) {
        String name = ctx.pathParam(param);
        try {
            ModelRef.requireValidName(name, what);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return name;
    }

    /** An integer path parameter; 400 when it is not one. */
    static int integer(RoutingContext ctx, String param) {
        String text = ctx.pathParam(param);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(param + " '" + text + "' is not a whole number");
        }
    }

    /**
     * Validates and scores rows with a model, recording the call in
     * {@code autogate_predictions_seconds} and, when the model itself fails (not for a 400 on bad
     * input), in {@code autogate_prediction_errors_total}. Blocking.
     */
    static ServedModel.Scored score(ServedModel served, List<Row> rows, GatewayMetrics metrics) {
        long start = System.nanoTime();
        try {
            ServedModel.Scored scored = served.score(rows);
            metrics.recordPrediction("-", served.id(), "-", System.nanoTime() - start, false);
            return scored;
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            metrics.recordPrediction("-", served.id(), "-", System.nanoTime() - start, true);
            throw e;
        }
    }

    /**
     * Runs {@code work} on the inference pool, writes its result as JSON there too, and answers it
     * with the status; a failure becomes the JSON error shape.
     */
    static void answerJson(RoutingContext ctx, InferencePool pool, int status, Callable<Object> work) {
        answer(ctx, pool, () -> Json.buffer(work.call()), (c, json) -> Json.sendBuffer(c, status, json));
    }

    /**
     * Runs {@code work} on the inference pool and hands its result to {@code send} on the event
     * loop; a failure becomes the JSON error shape.
     */
    static <T> void answer(RoutingContext ctx, InferencePool pool, Callable<T> work,
                           BiConsumer<RoutingContext, T> send) {
        pool.submit(work).onComplete(done -> {
            if (done.succeeded()) {
                send.accept(ctx, done.result());
            } else {
                ErrorResponses.send(ctx, ErrorResponses.toApiException(done.cause(), 500));
            }
        });
    }

    /** Runs {@code work} on the inference pool and answers 204 without a body; a failure becomes the JSON error shape. */
    static void answerNoContent(RoutingContext ctx, InferencePool pool, Work work) {
        pool.submit(() -> {
            work.run();
            return null;
        }).onComplete(done -> {
            if (done.succeeded()) {
                ctx.response().setStatusCode(204).end();
            } else {
                ErrorResponses.send(ctx, ErrorResponses.toApiException(done.cause(), 500));
            }
        });
    }

    /** Blocking work with no result. */
    @FunctionalInterface
    interface Work {
        /** Does the work. */
        void run() throws Exception;
    }
}
