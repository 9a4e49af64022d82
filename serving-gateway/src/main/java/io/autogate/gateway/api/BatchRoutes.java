package io.autogate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.batch.BatchFormat;
import io.autogate.gateway.batch.BatchJobs;
import io.autogate.gateway.batch.BatchJobsConfig;
import io.autogate.gateway.batch.BatchOutputSpec;
import io.autogate.gateway.batch.BatchScorer;
import io.autogate.gateway.batch.BatchStreamHandler;
import io.autogate.gateway.batch.JobSpec;
import io.autogate.gateway.batch.JobStatus;
import io.autogate.gateway.batch.ScoredRow;
import io.autogate.gateway.batch.ScorerBinding;
import io.autogate.gateway.endpoints.EndpointService;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.http.ErrorResponses;
import io.autogate.gateway.http.Gzip;
import io.autogate.gateway.http.Json;
import io.autogate.gateway.http.RequestIds;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.models.ModelService;
import io.autogate.gateway.models.ServedModel;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.Row;
import io.vertx.core.Future;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * Bulk scoring. {@code POST /v1/models/{ref}/batch} and {@code /v1/endpoints/{endpoint}/batch}
 * stream CSV or NDJSON in and out without buffering the body; {@code /v1/batch-jobs} runs the same
 * scoring as a background job over a server-side file (inside the configured input folder) or an
 * uploaded body streamed to disk, with progress and a downloadable result. Job targets are
 * {@code model:<ref>} or {@code endpoint:<name>}. Every route, reading jobs and results included
 * (results hold the callers' input rows), needs the predict key when one is configured.
 */
public final class BatchRoutes {
    private static final String MODEL_PREFIX = "model:";
    private static final String ENDPOINT_PREFIX = "endpoint:";
    private static final String MODEL_FAILED = "the model failed to score this row; the server log has the details";
    private static final System.Logger LOG = System.getLogger("autogate.gateway");

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
                .handler(RouteSupport.jsonBody(config.bodyLimitBytes())).handler(this::submitJson);
        router.post("/v1/batch-jobs").consumes("text/csv").consumes("application/x-ndjson").handler(keys.predict())
                .handler(this::submitUpload);
        router.get("/v1/batch-jobs").handler(keys.predict()).handler(ctx -> RouteSupport.answerJson(ctx, pool, 200,
                () -> Map.of("jobs", jobs.list().stream().map(BatchRoutes::view).toList())));
        router.get("/v1/batch-jobs/:id").handler(keys.predict()).handler(ctx -> {
            String id = ctx.pathParam("id");
            RouteSupport.answerJson(ctx, pool, 200, () -> view(job(id)));
        });
        router.get("/v1/batch-jobs/:id/result").handler(keys.predict()).handler(this::result);
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

    /**
     * The scorer and output columns of a job or stream target; the scorer counts the rows it
     * scores in {@code autogate_batch_rows_total}. Blocking.
     */
    static ScorerBinding binding(String target, ModelService models, EndpointService endpoints, GatewayMetrics metrics) {
        if (target.startsWith(MODEL_PREFIX)) {
            ModelRef ref = parseRef(target.substring(MODEL_PREFIX.length()));
            ServedModel first = models.resolve(ref);
            return new ScorerBinding(counted(rows -> {
                ServedModel served = models.resolve(ref);
                List<Prediction> predictions = scoreEach(served, rows);
                List<ScoredRow> out = new ArrayList<>(predictions.size());
                predictions.forEach(p -> out.add(new ScoredRow(p, served.id(), null)));
                return out;
            }, "model", metrics), new BatchOutputSpec(first.model().manifest().schema().classes(), false));
        }
        if (target.startsWith(ENDPOINT_PREFIX)) {
            String name = target.substring(ENDPOINT_PREFIX.length());
            var scorer = endpoints.batchScorer(name);
            String firstRef = endpoints.firstArmModel(name);
            ServedModel first = models.resolve(parseRef(firstRef));
            return new ScorerBinding(counted(scorer, "endpoint", metrics),
                    new BatchOutputSpec(first.model().manifest().schema().classes(), true));
        }
        throw ApiException.badRequest("job target must be model:<ref> or endpoint:<name>, got '" + target + "'");
    }

    private static BatchScorer counted(BatchScorer scorer, String kind, GatewayMetrics metrics) {
        return rows -> {
            List<ScoredRow> out = scorer.score(rows);
            metrics.recordBatchRows(kind, rows.size());
            return out;
        };
    }

    /**
     * Scores rows one by one as far as they allow; when the model itself fails, every row of the
     * chunk gets an error that names no internals (the cause goes to the server log).
     */
    private static List<Prediction> scoreEach(ServedModel served, List<Row> rows) {
        try {
            return served.scoreEach(rows);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "model " + served.id() + " failed to score a batch chunk", e);
            Prediction failed = Prediction.ofError(MODEL_FAILED);
            return Collections.nCopies(rows.size(), failed);
        }
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
        Path input;
        try {
            input = Path.of(inputPath);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("\"input_path\" is not a valid path: " + e.getReason());
        }
        RouteSupport.answerJson(ctx, pool, 202, () -> view(jobs.submit(JobSpec.serverFile(target, input))));
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
                .compose(v -> pool.submit(() -> view(jobs.submit(JobSpec.upload(target, upload, format)))))
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

    /**
     * A job as the API shows it: {@code id}, {@code status}, {@code model} or {@code endpoint},
     * {@code format}, {@code rows_done}, {@code rows_total}, {@code created_at}, {@code started_at},
     * {@code finished_at} and {@code error}.
     */
    static Map<String, Object> view(JobStatus job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", job.id());
        out.put("status", job.state().name());
        if (job.target().startsWith(MODEL_PREFIX)) {
            out.put("model", job.target().substring(MODEL_PREFIX.length()));
        } else {
            out.put("endpoint", job.target().substring(ENDPOINT_PREFIX.length()));
        }
        out.put("format", job.format().name().toLowerCase(Locale.ROOT));
        out.put("rows_done", job.rowsDone());
        out.put("rows_total", job.rowsTotal());
        out.put("created_at", text(job.createdAt()));
        out.put("started_at", text(job.startedAt()));
        out.put("finished_at", text(job.finishedAt()));
        out.put("error", job.error());
        return out;
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
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
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, status.format().contentType());
            sendResult(ctx, done.result());
        });
    }

    // the file as it is (zero-copy), or read and gzipped on the way for a client that accepts gzip
    private static void sendResult(RoutingContext ctx, Path file) {
        if (!Gzip.accepted(ctx.request())) {
            ctx.response().sendFile(file.toString());
            return;
        }
        ctx.vertx().fileSystem().open(file.toString(), new OpenOptions().setRead(true)).onComplete(opened -> {
            if (opened.failed()) {
                ErrorResponses.send(ctx, ErrorResponses.toApiException(opened.cause(), 500));
                return;
            }
            ctx.response().setChunked(true);
            opened.result().pipeTo(Gzip.stream(ctx.request(), ctx.response()));
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
