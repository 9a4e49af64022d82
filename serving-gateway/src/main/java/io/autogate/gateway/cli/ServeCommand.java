package io.autogate.gateway.cli;

import io.autogate.gateway.Gateway;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessLog;
import io.autogate.gateway.request.UnseenCategoryPolicy;
import io.autogate.runtime.registry.FileModelRegistry;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code autogate serve}: starts the serving gateway on a file registry and runs until stopped
 * (Ctrl-C or SIGTERM close it gracefully: in-flight requests finish, logs are flushed). Access keys
 * come from the environment ({@code AUTOGATE_ADMIN_KEY}, {@code AUTOGATE_PREDICT_KEY}) so they stay
 * out of process listings.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the registry's models over HTTP (REST, KServe v2, TF-Serving and MLflow formats).")
public final class ServeCommand implements Callable<Integer> {
    private static final long SHUTDOWN_SECONDS = 15;

    @Option(names = "--registry", paramLabel = "DIR", defaultValue = FileModelRegistry.DEFAULT_FOLDER,
            description = "registry folder (default: ${DEFAULT-VALUE})")
    Path registry;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--workers", description = "inference threads (default: cores, at least 2)")
    Integer workers;

    @Option(names = "--event-loops", description = "HTTP server instances, one per event loop (default: cores)")
    Integer eventLoops;

    @Option(names = "--max-queued", defaultValue = "1024",
            description = "requests waiting for inference before 503 (default: ${DEFAULT-VALUE})")
    int maxQueued;

    @Option(names = "--body-limit-mb", defaultValue = "10", description = "largest JSON body in MB (default: ${DEFAULT-VALUE})")
    int bodyLimitMb;

    @Option(names = "--unseen-categories", defaultValue = "warn",
            description = "an unseen category is a 'warn'ing or 'reject'ed with 400 (default: ${DEFAULT-VALUE})")
    String unseenCategories;

    @Option(names = "--feedback-log-rows", defaultValue = "200000",
            description = "predictions kept (in memory and on disk) for joining feedback (default: ${DEFAULT-VALUE})")
    int feedbackLogRows;

    @Option(names = "--feedback-log-days", defaultValue = "7",
            description = "days a prediction stays available for feedback (default: ${DEFAULT-VALUE})")
    int feedbackLogDays;

    @Option(names = "--batch-input-dir", paramLabel = "DIR",
            description = "the folder batch jobs may read server-side input files from (default: none, uploads only)")
    Path batchInputDir;

    @Option(names = "--access-log", defaultValue = "-", paramLabel = "FILE|-|off",
            description = "where access-log lines go: a file, - for stdout, off (default: stdout)")
    String accessLog;

    @CommandLine.Mixin
    AccessLogRotationOptions accessLogRotation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(registry)) {
            throw new IllegalArgumentException("registry folder " + registry
                    + " does not exist; train a model first (autogate train ...) or pass --registry DIR");
        }
        GatewayConfig.Builder config = GatewayConfig.builder(registry)
                .address(host, port)
                .keys(System.getenv("AUTOGATE_ADMIN_KEY"), System.getenv("AUTOGATE_PREDICT_KEY"))
                .unseenCategories(unseenPolicy())
                .batchInputDir(batchInputDir)
                .predictionLog(feedbackLogRows, Duration.ofDays(feedbackLogDays));
        GatewayConfig defaults = config.build();
        config.limits((long) bodyLimitMb << 20, defaults.uploadLimitBytes(), defaults.maxRowsPerRequest())
                .capacity(workers == null ? defaults.workers() : workers, maxQueued)
                .eventLoops(eventLoops == null ? defaults.eventLoops() : eventLoops);
        AccessLog log = AccessLog.open(accessLog, accessLogRotation.rotation());
        Vertx vertx = Vertx.vertx();
        Gateway gateway;
        try {
            gateway = Gateway.start(vertx, config.build(), log).toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            vertx.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Autogate gateway listening on http://" + host + ":" + gateway.port() + " (registry " + registry
                + ", admin routes " + (defaults.adminKey() == null ? "disabled: set AUTOGATE_ADMIN_KEY" : "enabled")
                + "); API description at /openapi.json");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                spec.commandLine().getErr().println("error: the gateway did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "autogate-shutdown"));
        stopped.await();
        return 0;
    }

    private UnseenCategoryPolicy unseenPolicy() {
        return switch (unseenCategories.toLowerCase(java.util.Locale.ROOT)) {
            case "warn" -> UnseenCategoryPolicy.WARN;
            case "reject" -> UnseenCategoryPolicy.REJECT;
            default -> throw new IllegalArgumentException("--unseen-categories must be warn or reject, got '"
                    + unseenCategories + "'");
        };
    }
}
