package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.training.ForecastJobOptions;
import io.autogate.gateway.training.TrainingJobRequest;
import io.autogate.gateway.training.TrainingService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training routes: {@code POST /v1/datasets} (a CSV body), {@code POST /v1/training-jobs},
 * {@code GET /v1/training-jobs[/{id}]} and cancel ({@code DELETE /v1/training-jobs/{id}} or
 * {@code POST /v1/training-jobs/{id}/cancel}). They write to the registry, so they take the admin
 * key. Without a {@link TrainingService} every one answers 501 {@code training_unavailable}.
 */
public final class TrainingRoutes {
    /** Default and bounds of a job's budget in seconds. */
    static final int DEFAULT_BUDGET = 60;
    static final int MIN_BUDGET = 5;
    static final int MAX_BUDGET = 3600;
    private static final long UNAVAILABLE_BODY_LIMIT = 1L << 20;

    private final TrainingService training;
    private final InferencePool pool;
    private final AccessKeys keys;

    /** Routes over {@code training}, or answering 501 when it is {@code null}. */
    public TrainingRoutes(TrainingService training, InferencePool pool, AccessKeys keys) {
        this.training = training;
        this.pool = pool;
        this.keys = keys;
    }

    /** Adds the routes to a router. */
    public void mount(Router router) {
        long limit = training == null ? UNAVAILABLE_BODY_LIMIT : training.maxDatasetBytes();
        BodyHandler csv = BodyHandler.create(false).setBodyLimit(limit);
        BodyHandler json = RouteSupport.jsonBody(UNAVAILABLE_BODY_LIMIT);
        router.post("/v1/datasets").handler(keys.admin()).handler(csv).handler(ctx -> {
            TrainingService service = service();
            String name = ctx.queryParams().get("name");
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            RouteSupport.answerJson(ctx, pool, 201, () -> service.addDataset(name == null ? "upload.csv" : name, body));
        });
        router.post("/v1/training-jobs").handler(keys.admin()).handler(json).handler(ctx -> {
            TrainingService service = service();
            TrainingJobRequest request = request(Json.body(ctx));
            RouteSupport.answerJson(ctx, pool, 202, () -> service.start(request));
        });
        router.get("/v1/training-jobs").handler(ctx -> {
            TrainingService service = service();
            RouteSupport.answerJson(ctx, pool, 200, () -> Map.of("jobs", service.jobs()));
        });
        router.get("/v1/training-jobs/:id").handler(ctx -> {
            TrainingService service = service();
            String id = ctx.pathParam("id");
            RouteSupport.answerJson(ctx, pool, 200, () -> service.job(id).orElseThrow(() -> notFound(id)));
        });
        router.delete("/v1/training-jobs/:id").handler(keys.admin()).handler(this::cancel);
        router.post("/v1/training-jobs/:id/cancel").handler(keys.admin()).handler(this::cancel);
    }

    private void cancel(RoutingContext ctx) {
        TrainingService service = service();
        String id = ctx.pathParam("id");
        RouteSupport.answerJson(ctx, pool, 202, () -> {
            if (!service.cancel(id)) {
                throw notFound(id);
            }
            return service.job(id).orElseThrow(() -> notFound(id));
        });
    }

    private TrainingService service() {
        if (training == null) {
            throw new ApiException(501, "training_unavailable", "training is not available in this server: it serves"
                    + " predictions only; start it with 'autogate up' to train from the API");
        }
        return training;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("training_job_not_found", "no training job with id '" + id + "'");
    }

    /** Parses the job body; every wrong field is named in the 400's details. */
    static TrainingJobRequest request(JsonNode body) {
        List<Map<String, Object>> problems = new ArrayList<>();
        String dataset = text(body, "dataset", problems, true);
        String target = text(body, "target", problems, true);
        String name = text(body, "name", problems, false);
        int budget = DEFAULT_BUDGET;
        JsonNode b = body.get("budget_seconds");
        if (b != null && !b.isNull()) {
            if (!b.canConvertToInt() || !b.isIntegralNumber() || b.asInt() < MIN_BUDGET || b.asInt() > MAX_BUDGET) {
                problems.add(problem("budget_seconds", "must be a whole number of seconds from " + MIN_BUDGET + " to "
                        + MAX_BUDGET + ", got " + b));
            } else {
                budget = b.asInt();
            }
        }
        long seed = 42;
        JsonNode s = body.get("seed");
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber()) {
                problems.add(problem("seed", "must be a whole number, got " + s));
            } else {
                seed = s.asLong();
            }
        }
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode t = body.get("column_types");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                problems.add(problem("column_types", "must be an object of column name to type"));
            } else {
                t.properties().forEach(e -> {
                    if (e.getValue().isTextual()) {
                        types.put(e.getKey(), e.getValue().asText());
                    } else {
                        problems.add(problem("column_types." + e.getKey(), "must be a type name, got " + e.getValue()));
                    }
                });
            }
        }
        ForecastJobOptions forecast = ForecastJobFields.parse(body, problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("the training job request has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems"), problems);
        }
        return new TrainingJobRequest(dataset, target, types, budget, name, seed, forecast);
    }

    private static String text(JsonNode body, String field, List<Map<String, Object>> problems, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(problem(field, "is required"));
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(problem(field, "must be a non-empty string, got " + v));
            return null;
        }
        return v.asText();
    }

    /** A field-level problem in the gateway's error-details shape. */
    public static Map<String, Object> problem(String field, String message) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("field", field);
        p.put("problem", message);
        return p;
    }
}
