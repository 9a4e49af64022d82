package io.autogate.gateway;

import io.autogate.gateway.api.BatchRoutes;
import io.autogate.gateway.api.EndpointRoutes;
import io.autogate.gateway.api.MetaRoutes;
import io.autogate.gateway.api.ForecastRoutes;
import io.autogate.gateway.api.ModelRoutes;
import io.autogate.gateway.api.TrainingRoutes;
import io.autogate.gateway.api.V2Routes;
import io.autogate.gateway.batch.BatchJobs;
import io.autogate.gateway.endpoints.EndpointService;
import io.autogate.gateway.http.AccessKeys;
import io.autogate.gateway.http.AccessLog;
import io.autogate.gateway.http.ErrorResponses;
import io.autogate.gateway.http.RequestTracking;
import io.autogate.gateway.http.ServerVerticle;
import io.autogate.gateway.metrics.GatewayMetrics;
import io.autogate.gateway.models.InferencePool;
import io.autogate.gateway.models.ModelService;
import io.autogate.gateway.training.TrainingService;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The serving gateway: Vert.x HTTP server instances (one per event loop, sharing the port) over a
 * file registry. {@link #start} builds the
 * services (model cache, inference pool, endpoints with routing, feedback and drift, batch jobs,
 * metrics), mounts every route and listens; {@link #close} stops taking requests, lets the
 * background work stop and flushes the logs. Everything the gateway keeps for itself lives in
 * {@code <registry>/.gateway}.
 */
public final class Gateway {
    private final Vertx vertx;
    private final String deployment;
    private final int port;
    private final GatewayMetrics metrics;
    private final InferencePool pool;
    private final EndpointService endpoints;
    private final BatchJobs jobs;
    private final AccessLog accessLog;
    private final List<String> routes;

    private Gateway(Vertx vertx, String deployment, int port, GatewayMetrics metrics,
                    InferencePool pool, EndpointService endpoints, BatchJobs jobs, AccessLog accessLog,
                    List<String> routes) {
        this.vertx = vertx;
        this.routes = routes;
        this.deployment = deployment;
        this.port = port;
        this.metrics = metrics;
        this.pool = pool;
        this.endpoints = endpoints;
        this.jobs = jobs;
        this.accessLog = accessLog;
    }

    /**
     * Starts a gateway on a Vert.x instance, which {@link #close} leaves open (close Vert.x from a
     * thread of your own afterwards: a Vert.x instance cannot wait for its own close).
     */
    public static Future<Gateway> start(Vertx vertx, GatewayConfig config, AccessLog accessLog) {
        return start(vertx, config, accessLog, null);
    }

    /**
     * Starts a gateway whose training routes call {@code training}; with {@code null} they answer
     * 501 (the gateway then serves predictions only).
     */
    public static Future<Gateway> start(Vertx vertx, GatewayConfig config, AccessLog accessLog,
                                        TrainingService training) {
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException e) {
            return Future.failedFuture(new UncheckedIOException("gateway state folder " + config.stateDir()
                    + " cannot be created: " + e.getMessage(), e));
        }
        GatewayMetrics metrics = new GatewayMetrics();
        FunctionCounter.builder("autogate_access_log_dropped", accessLog, AccessLog::dropped)
                .description("access-log lines dropped because the log writer fell behind").register(metrics.registry());
        FileModelRegistry registry = new FileModelRegistry(config.registry(), ModelFormats.discover());
        ModelService models = new ModelService(registry, config.modelCacheBytes(), config.refTtl(),
                config.unseenCategories(), metrics.registry());
        InferencePool pool = new InferencePool(vertx, config.workers(), config.maxQueued(), metrics.registry());
        AccessKeys keys = new AccessKeys(config.adminKey(), config.predictKey());
        EndpointService endpoints;
        BatchJobs jobs;
        try {
            endpoints = EndpointService.open(config, models, metrics, pool::busy);
            jobs = BatchRoutes.openJobs(config, models, endpoints, metrics);
        } catch (IOException | UncheckedIOException e) {
            pool.close();
            return Future.failedFuture(e);
        }

        Router router = Router.router(vertx);
        router.route().handler(new RequestTracking(metrics, accessLog, config.clock()));
        ErrorResponses.install(router);
        // the two online predict routes' groups first: Vert.x tries routes in the order they were added,
        // matching each earlier route's path pattern
        new ModelRoutes(models, pool, metrics, keys, config, endpoints::endpointsUsing).mount(router);
        new EndpointRoutes(endpoints, pool, keys, config).mount(router);
        new MetaRoutes(config.registry(), metrics).mount(router);
        new ForecastRoutes(models, pool, keys, config).mount(router);
        new BatchRoutes(models, endpoints, jobs, pool, metrics, keys, config).mount(router);
        new V2Routes(models, pool, metrics, keys, config).mount(router);
        new TrainingRoutes(training, pool, keys).mount(router);

        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
                // no compressor in the pipeline: the routes gzip large answers themselves (Gzip)
                .setHandle100ContinueAutomatically(true)
                // HTTP/1.1 only: an h2c upgrade (which java.net.http asks for by default) intermittently broke
                // large answers such as /openapi.json ("frame exceeds MAX_FRAME_SIZE" in the client)
                .setHttp2ClearTextEnabled(false)
                // no WebSocket routes: without WebSocket compression Vert.x leaves Netty's WebSocket extension
                // handler out of every connection's pipeline, which every request and response passed through
                .setPerFrameWebSocketCompressionSupported(false).setPerMessageWebSocketCompressionSupported(false);
        // instances on one port share its connections; with port 0 they share one free port
        List<ServerVerticle> instances = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> {
            ServerVerticle instance = new ServerVerticle(router, options);
            instances.add(instance);
            return instance;
        }, new DeploymentOptions().setInstances(config.eventLoops()))
                .map(id -> new Gateway(vertx, id, instances.get(0).port(), metrics, pool, endpoints, jobs,
                        accessLog, routes(router)))
                .onFailure(e -> {
                    pool.close();
                    endpoints.close();
                    jobs.close();
                });
    }

    /**
     * Every route the gateway answers, as {@code "METHOD /path"} with Vert.x path parameters
     * ({@code /v1/models/:ref/predict}), sorted; the catch-all tracking and failure handlers (no
     * path) are left out.
     */
    public List<String> routes() {
        return routes;
    }

    private static List<String> routes(Router router) {
        Set<String> out = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            String template = RequestTracking.template(route);
            if (template == null || route.methods() == null || route.methods().isEmpty()) {
                continue;
            }
            for (HttpMethod method : route.methods()) {
                out.add(method.name() + " " + template);
            }
        }
        return List.copyOf(out);
    }

    /** The port the server listens on (the real one when the configuration asked for 0). */
    public int port() {
        return port;
    }

    /** The gateway's metrics. */
    public GatewayMetrics metrics() {
        return metrics;
    }

    /**
     * Stops listening, then closes background work and flushes the logs. Waiting for running batch
     * jobs to reach a checkpoint blocks, so that part runs on a worker thread, never the event loop.
     */
    public Future<Void> close() {
        return vertx.undeploy(deployment).eventually(() -> vertx.executeBlocking(() -> {
            pool.close();
            jobs.close();
            endpoints.close();
            accessLog.close();
            return null;
        }, false)).mapEmpty();
    }
}
