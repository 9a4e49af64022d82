package io.autogate.gateway;

import io.autogate.gateway.request.UnseenCategoryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything an operator can set on the gateway; build one with {@link #builder(Path)}.
 *
 * @param registry          the model registry folder; gateway state lives in {@code <registry>/.gateway}
 * @param host              the address to listen on
 * @param port              the port, 0 for any free one
 * @param adminKey          the key admin routes require; {@code null} disables admin routes
 * @param predictKey        the key predict routes require; {@code null} leaves them open
 * @param bodyLimitBytes    largest JSON body accepted (413 above)
 * @param uploadLimitBytes  largest upload (ONNX model, batch job input) accepted (413 above)
 * @param maxRowsPerRequest most rows one online predict request may carry (413 above)
 * @param eventLoops        HTTP server instances, each on its own event loop
 * @param workers           threads of the inference pool
 * @param maxQueued         requests waiting for or running inference before 503
 * @param modelCacheBytes   estimated memory the loaded-model cache may hold
 * @param refTtl            how long a resolved alias or "latest" stays cached
 * @param unseenCategories  whether an unseen category is a warning or a 400
 * @param logMaxEntries     prediction-log entries kept for feedback
 * @param logMaxAge         prediction-log age kept for feedback
 * @param driftWindow       rows per feature in the drift window
 * @param shadowQueue       shadow copies that may wait before new ones are dropped
 * @param batchInputDir     the only folder batch jobs may read server-side files from; {@code null} refuses them
 * @param clock             the time source (tests move it)
 */
public record GatewayConfig(
        Path registry,
        String host,
        int port,
        String adminKey,
        String predictKey,
        long bodyLimitBytes,
        long uploadLimitBytes,
        int maxRowsPerRequest,
        int eventLoops,
        int workers,
        int maxQueued,
        long modelCacheBytes,
        Duration refTtl,
        UnseenCategoryPolicy unseenCategories,
        int logMaxEntries,
        Duration logMaxAge,
        int driftWindow,
        int shadowQueue,
        Path batchInputDir,
        Clock clock) {

    public GatewayConfig {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (eventLoops < 1 || workers < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("event loops, workers and max queued must be at least 1");
        }
        adminKey = blankToNull(adminKey);
        predictKey = blankToNull(predictKey);
    }

    /** A builder with the defaults of {@code autogate serve}: loopback port 8080, a worker per core. */
    public static Builder builder(Path registry) {
        return new Builder(registry);
    }

    /** The folder of the gateway's own state (endpoints, prediction logs, batch jobs). */
    public Path stateDir() {
        return registry.resolve(".gateway");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Builds a {@link GatewayConfig}; every setter returns the builder. Not thread-safe. */
    public static final class Builder {
        private final Path registry;
        private String host = "127.0.0.1";
        private int port = 8080;
        private String adminKey;
        private String predictKey;
        private long bodyLimitBytes = 10L << 20;
        private long uploadLimitBytes = 512L << 20;
        private int maxRowsPerRequest = 10_000;
        private int eventLoops = Runtime.getRuntime().availableProcessors();
        private int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int maxQueued = 1024;
        private long modelCacheBytes = 1L << 30;
        private Duration refTtl = Duration.ofSeconds(1);
        private UnseenCategoryPolicy unseenCategories = UnseenCategoryPolicy.WARN;
        private int logMaxEntries = 200_000;
        private Duration logMaxAge = Duration.ofDays(7);
        private int driftWindow = 1000;
        private int shadowQueue = 256;
        private Path batchInputDir;
        private Clock clock = Clock.systemUTC();

        private Builder(Path registry) {
            this.registry = registry;
        }

        /** Address to listen on; port 0 takes any free port. */
        public Builder address(String newHost, int newPort) {
            this.host = newHost;
            this.port = newPort;
            return this;
        }

        /** Admin key (null disables admin routes) and predict key (null leaves predict open). */
        public Builder keys(String newAdminKey, String newPredictKey) {
            this.adminKey = newAdminKey;
            this.predictKey = newPredictKey;
            return this;
        }

        /** Largest JSON body, largest upload and most rows per online request. */
        public Builder limits(long bodyBytes, long uploadBytes, int rowsPerRequest) {
            this.bodyLimitBytes = bodyBytes;
            this.uploadLimitBytes = uploadBytes;
            this.maxRowsPerRequest = rowsPerRequest;
            return this;
        }

        /** HTTP server instances, one per event loop (default: one per core). */
        public Builder eventLoops(int instances) {
            this.eventLoops = instances;
            return this;
        }

        /** Inference threads and the most requests waiting or running before 503. */
        public Builder capacity(int newWorkers, int newMaxQueued) {
            this.workers = newWorkers;
            this.maxQueued = newMaxQueued;
            return this;
        }

        /** Estimated bytes of loaded models kept, and how long a resolved alias stays cached. */
        public Builder cache(long bytes, Duration aliasTtl) {
            this.modelCacheBytes = bytes;
            this.refTtl = aliasTtl;
            return this;
        }

        /** Whether an unseen category is a warning or a 400. */
        public Builder unseenCategories(UnseenCategoryPolicy policy) {
            this.unseenCategories = policy;
            return this;
        }

        /** Bounds of the prediction log kept for feedback. */
        public Builder predictionLog(int maxEntries, Duration maxAge) {
            this.logMaxEntries = maxEntries;
            this.logMaxAge = maxAge;
            return this;
        }

        /** Rows per feature in the drift window. */
        public Builder driftWindow(int rows) {
            this.driftWindow = rows;
            return this;
        }

        /** Shadow copies that may wait before new ones are dropped. */
        public Builder shadowQueue(int copies) {
            this.shadowQueue = copies;
            return this;
        }

        /** The only folder batch jobs may read server-side input files from ({@code null}: none). */
        public Builder batchInputDir(Path folder) {
            this.batchInputDir = folder;
            return this;
        }

        /** The time source. */
        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        /** The configuration. */
        public GatewayConfig build() {
            return new GatewayConfig(registry, host, port, adminKey, predictKey, bodyLimitBytes, uploadLimitBytes,
                    maxRowsPerRequest, eventLoops, workers, maxQueued, modelCacheBytes, refTtl, unseenCategories,
                    logMaxEntries, logMaxAge, driftWindow, shadowQueue, batchInputDir, clock);
        }
    }
}
