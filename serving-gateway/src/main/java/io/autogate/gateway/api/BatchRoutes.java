package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.batch.BatchFormat;
import io.autogate.gateway.batch.BatchJobs;
import io.autogate.gateway.batch.BatchJobsConfig;
import io.autogate.gateway.batch.BatchOutputSpec;
import io.autogate.gateway.batch.BatchStreamHandler;
import io.autogate.gateway.batch.JobSpec;
import io.autogate.gateway.batch.JobStatus;
import io.autogate.gateway.batch.ScoredRow;
import io.autogate.gateway.batch.ScorerBinding;
import io.autogate.gateway.endpoints.EndpointService;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.ErrorResponses;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.http.RequestIds;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.models.ModelService;
import io.autogate.gateway.models.ServedModel;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.registry.ModelRef;
import io.vertx.core.Future;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * Bulk scoring. {@code POST /v1/models/{ref}/batch} and {@code /v1/endpoints/{endpoint}/batch}
 * stream CSV or NDJSON in and out without buffering the body; {@code /v1/batch-jobs} runs the same
 * scoring as a background job over a server-side file (inside the configured input folder) or an
 * uploaded body streamed to disk, with progress and a downloadable result. Job targets are
 * {@code model:<ref>} or {@code endpoint:<name>}.
 */
public final class BatchRoutes {
    private static final String MODEL_PREFIX = "model:";
    private static final String ENDPOINT_PREFIX = "endpoint:";

    private final ModelService models;
    private final EndpointService endpoints;
    private final BatchJobs jobs;
    private final InferencePool pool;
    private final GatewayMetrics metrics;
    private final AccessKeys keys;
    private final GatewayConfig config;
    private final BatchStreamHandler streams = new BatchStreamHandler();

    /** Routes over these services. */
    public BatchRoutes(ModelService models, EndpointService endpoints, BatchJobs jobs, InferencePool pool,
                       GatewayMetrics metrics, AccessKeys keys, GatewayConfig config) {
        this.models = models;
        this.endpoints = endpoints;
        this.jobs = jobs;
        this.pool = pool;
        this.metrics = metrics;
        this.keys = keys;
        this.config = config;
    }

    /** Opens the batch jobs kept under the state folder, resuming the ones a stop interrupted. */
    public static BatchJobs openJobs(GatewayConfig config, ModelService models, EndpointService endpoints,
                                     GatewayMetrics metrics) throws IOException {
        BatchJobsConfig jobsConfig = BatchJobsConfig.defaults(config.stateDir().resolve("jobs"), config.batchInputDir());
        return BatchJobs.open(jobsConfig, target -> binding(target, models, endpoints, metrics), config.clock(),
                new SplittableRandom());
    }

    /** Adds the routes to a router. */
    public void mount(Router router) {
        router.post("/v1/models/:ref/batch").handler(keys.predict()).handler(ctx -> stream(ctx,
                MODEL_PREFIX + RouteSupport.ref(ctx, "ref")));
        router.post("/v1/endpoints/:endpoint/batch").handler(keys.predict()).handler(ctx -> stream(ctx,
                ENDPOINT_PREFIX + RouteSupport.name(ctx, "endpoint", "endpoint name")));
        router.post("/v1/batch-jobs").consumes("application/json").handler(keys.predict())
                .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes())).handler(this::submitJson);
        router.post("/v1/batch-jobs").consumes("text/csv").consumes("application/x-ndjson").handler(keys.predict())
                .handler(this::submitUpload);
        router.get("/v1/batch-jobs").handler(ctx -> RouteSupport.answerJson(ctx, pool, 200,
                () -> Map.of("jobs", jobs.list().stream().map(JobStatus::toMap).toList())));
        router.get("/v1/batch-jobs/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            RouteSupport.answerJson(ctx, pool, 200, () -> job(id).toMap());
        });
        router.get("/v1/batch-jobs/:id/result").handler(this::result);
    }

    private static BatchFormat format(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return BatchFormat.fromContentType(type).orElseThrow(() -> new ApiException(415, "unsupported_media_type",
                "batch bodies are text/csv or application/x-ndjson, got " + (type == null ? "no content type" : "'" + type + "'")));
    }

    private void stream(RoutingContext ctx, String target) {
        BatchFormat format = format(ctx);
        HttpServerRequest request = ctx.request();
        request.pause();
        pool.submit(() -> binding(target, models, endpoints, metrics)).onComplete(bound -> {
            if (bound.failed()) {
                request.resume();
                ctx.fail(bound.cause());
                return;
            }
            ScorerBinding binding = bound.result();
            streams.handle(request, ctx.response(), format, binding.scorer(), binding.spec(), executor())
                    .onSuccess(summary -> metrics.recordBatchRows(kind(target), summary.rows()))
                    .onFailure(e -> {
                        if (!ctx.response().headWritten()) {
                            ErrorResponses.send(ctx, ErrorResponses.toApiException(e, 500));
                        }
                    });
        });
    }

    private Executor executor() {
        return task -> pool.executor().executeBlocking(() -> {
            task.run();
            return null;
        }, false);
    }

    private static String kind(String target) {
        return target.startsWith(MODEL_PREFIX) ? "model" : "endpoint";
    }

    /** The scorer and output columns of a job or stream target. Blocking. */
    static ScorerBinding binding(String target, ModelService models, EndpointService endpoints, GatewayMetrics metrics) {
        if (target.startsWith(MODEL_PREFIX)) {
            ModelRef ref = parseRef(target.substring(MODEL_PREFIX.length()));
            ServedModel first = models.resolve(ref);
            return new ScorerBinding(rows -> {
                ServedModel served = models.resolve(ref);
                List<Prediction> predictions = served.scoreEach(rows);
                List<ScoredRow> out = new ArrayList<>(predictions.size());
                predictions.forEach(p -> out.add(new ScoredRow(p, served.id(), null)));
                return out;
            }, new BatchOutputSpec(first.model().manifest().schema().classes(), false));
        }
        if (target.startsWith(ENDPOINT_PREFIX)) {
            String name = target.substring(ENDPOINT_PREFIX.length());
            var scorer = endpoints.batchScorer(name);
            String firstRef = endpoints.firstArmModel(name);
            ServedModel first = models.resolve(parseRef(firstRef));
            return new ScorerBinding(scorer, new BatchOutputSpec(first.model().manifest().schema().classes(), true));
        }
        throw ApiException.badRequest("job target must be model:<ref> or endpoint:<name>, got '" + target + "'");
    }

    private static ModelRef parseRef(String text) {
        try {
            return ModelRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void submitJson(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        String model = text(body, "model");
        String endpoint = text(body, "endpoint");
        String inputPath = text(body, "input_path");
        if ((model == null) == (endpoint == null)) {
            throw ApiException.badRequest("name the job's target with exactly one of \"model\" (a model reference) or "
                    + "\"endpoint\"");
        }
        if (inputPath == null) {
            throw ApiException.badRequest("\"input_path\" is required: a .csv or .ndjson file inside the gateway's batch "
                    + "input folder (or POST the file itself as text/csv or application/x-ndjson)");
        }
        String target = model != null ? MODEL_PREFIX + model : ENDPOINT_PREFIX + endpoint;
        RouteSupport.answerJson(ctx, pool, 202, () -> jobs.submit(JobSpec.serverFile(target, Path.of(inputPath))).toMap());
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ApiException.badRequest("\"" + field + "\" must be a non-empty string");
        }
        return node.asText();
    }

    private void submitUpload(RoutingContext ctx) {
        BatchFormat format = format(ctx);
        String target = queryTarget(ctx);
        HttpServerRequest request = ctx.request();
        request.pause();
        Path upload = config.stateDir().resolve("uploads").resolve("job-" + RequestIds.newId() + format.extension());
        ctx.vertx().fileSystem().mkdirs(upload.getParent().toString())
                .compose(v -> ctx.vertx().fileSystem().open(upload.toString(), new OpenOptions().setWrite(true).setCreateNew(true)))
                .compose(file -> receive(request, file))
                .compose(v -> pool.submit(() -> jobs.submit(JobSpec.upload(target, upload, format)).toMap()))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        Json.send(ctx, 202, done.result());
                    } else {
                        deleteQuietly(upload);
                        ErrorResponses.send(ctx, ErrorResponses.toApiException(done.cause(), 500));
                    }
                });
    }

    private Future<Void> receive(HttpServerRequest request, AsyncFile file) {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        long[] received = {0};
        request.handler(buffer -> {
            received[0] += buffer.length();
            if (received[0] > config.uploadLimitBytes()) {
                request.pause();
                file.close();
                done.tryFail(new ApiException(413, "body_too_large", "the upload is larger than "
                        + config.uploadLimitBytes() + " bytes"));
                return;
            }
            file.write(buffer);
            if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(done::tryFail);
        request.endHandler(v -> file.close().onComplete(closed -> {
            if (closed.succeeded()) {
                done.tryComplete();
            } else {
                done.tryFail(closed.cause());
            }
        }));
        request.resume();
        return done.future();
    }

    private static String queryTarget(RoutingContext ctx) {
        String model = ctx.queryParams().get("model");
        String endpoint = ctx.queryParams().get("endpoint");
        if ((model == null) == (endpoint == null)) {
            throw ApiException.badRequest("name the job's target with exactly one query parameter: ?model=REF or ?endpoint=NAME");
        }
        return model != null ? MODEL_PREFIX + model : ENDPOINT_PREFIX + endpoint;
    }

    private JobStatus job(String id) {
        return jobs.get(id).orElseThrow(() -> ApiException.notFound("job_not_found", "no batch job '" + id + "'"));
    }

    private void result(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        pool.submit(() -> {
            JobStatus status = job(id);
            return jobs.result(id).orElseThrow(() -> new ApiException(409, "job_not_finished",
                    "batch job '" + id + "' is " + status.state() + "; its result is ready when it SUCCEEDED"));
        }).onComplete(done -> {
            if (done.failed()) {
                ErrorResponses.send(ctx, ErrorResponses.toApiException(done.cause(), 500));
                return;
            }
            JobStatus status = jobs.get(id).orElseThrow();
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, status.format().contentType())
                    .sendFile(done.result().toString());
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover upload in the state folder is harmless
        }
    }
}
