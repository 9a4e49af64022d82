package io.autogate.app;

import io.autogate.app.training.EngineTrainingService;
import io.autogate.gateway.Gateway;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.cli.AccessLogRotationOptions;
import io.autogate.gateway.http.AccessLog;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.ui.DemoUiServer;
import io.autogate.ui.UiSettings;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code autogate up}: the gateway with the engine plugged into its training routes, and the demo
 * UI talking to it, in one process on an embedded registry (created when missing). The UI uses
 * the admin key, taken from {@code AUTOGATE_ADMIN_KEY} or made up at start and printed.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the gateway (with training) and the web UI together; prints both URLs.")
public final class UpCommand implements Callable<Integer> {
    @Option(names = "--registry", paramLabel = "DIR", defaultValue = FileModelRegistry.DEFAULT_FOLDER,
            description = "registry folder, created when missing (default: ${DEFAULT-VALUE})")
    Path registry;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "gateway port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--ui-port", defaultValue = "8081", description = "web UI port (default: ${DEFAULT-VALUE})")
    int uiPort;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${sys:autogate.samples:-samples}",
            description = "folder of sample CSVs the UI offers on an empty registry (default: ${DEFAULT-VALUE})")
    Path samples;

    @Option(names = "--access-log", paramLabel = "FILE|-|off",
            description = "where the gateway's access-log lines go: a file, - for stdout, off "
                    + "(default: access.log in the registry's .gateway folder)")
    String accessLog;

    @CommandLine.Mixin
    AccessLogRotationOptions accessLogRotation;

    @Option(names = "--max-upload-mb", defaultValue = "50", description = "largest dataset upload in MB (default: ${DEFAULT-VALUE})")
    int maxUploadMb;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535 || uiPort < 0 || uiPort > 65535) {
            throw new IllegalArgumentException("--port and --ui-port must be from 0 to 65535");
        }
        Files.createDirectories(registry);
        String adminKey = System.getenv("AUTOGATE_ADMIN_KEY");
        boolean madeUpKey = adminKey == null || adminKey.isBlank();
        if (madeUpKey) {
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            adminKey = HexFormat.of().formatHex(key);
        }
        long maxBytes = (long) maxUploadMb << 20;
        EngineTrainingService training = new EngineTrainingService(registry, maxBytes,
                Math.max(1, Runtime.getRuntime().availableProcessors()), Clock.systemUTC());
        GatewayConfig config = GatewayConfig.builder(registry).address(host, port)
                .keys(adminKey, System.getenv("AUTOGATE_PREDICT_KEY")).build();
        String accessLogTarget = accessLog != null ? accessLog : config.stateDir().resolve("access.log").toString();
        AccessLog log = AccessLog.open(accessLogTarget, accessLogRotation.rotation());
        Vertx vertx = Vertx.vertx();
        Gateway gateway;
        try {
            gateway = Gateway.start(vertx, config, log, training)
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            vertx.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        URI gatewayUrl = URI.create("http://" + host + ":" + gateway.port());
        DemoUiServer ui = DemoUiServer.start(host, uiPort, new UiSettings(gatewayUrl, adminKey,
                Files.isDirectory(samples) ? samples : null, maxBytes));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Autogate is up (registry " + registry + ")");
        out.println("  web UI:  http://" + host + ":" + ui.port() + "/");
        out.println("  gateway: " + gatewayUrl + "/  (API description at /openapi.json)");
        out.println("  access log: " + accessLogTarget);
        if (madeUpKey) {
            out.println("  admin key for this run: " + adminKey + "  (set AUTOGATE_ADMIN_KEY to choose one)");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                ui.close();
                training.close();
                gateway.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                spec.commandLine().getErr().println("error: Autogate did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "autogate-up-shutdown"));
        stopped.await();
        return 0;
    }
}
