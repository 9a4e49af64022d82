package io.autogate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's Prometheus metrics, recorded with Micrometer directly (the Vert.x Micrometer
 * module of a matching version is not available, and its HTTP series did not appear on Vert.x
 * 5.1.6 with 5.0.12). Series:
 * <ul>
 *   <li>{@code http_server_requests_seconds} — every HTTP request by method, route template and status;</li>
 *   <li>{@code autogate_predictions_seconds} — scoring calls by endpoint, model@version and arm, with
 *       {@code autogate_prediction_errors_total} beside it;</li>
 *   <li>{@code autogate_batch_rows_total} — rows scored by streamed batches and jobs;</li>
 *   <li>cache, shadow, canary and drift series registered by their owners on {@link #registry()};</li>
 *   <li>JVM memory, GC, threads, class loading, CPU and uptime.</li>
 * </ul>
 * Meters are looked up once per tag combination and then cached, so recording is a map lookup and
 * an atomic add. Thread-safe.
 */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // keyed by records of the tag values, which hash and compare without building a string per request
    private final Map<HttpSeries, Timer> httpTimers = new ConcurrentHashMap<>();
    private final Map<PredictionSeries, Timer> predictionTimers = new ConcurrentHashMap<>();
    private final Map<PredictionSeries, Counter> predictionErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> batchRows = new ConcurrentHashMap<>();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    /** Metrics with the JVM binders registered. */
    public GatewayMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The Micrometer registry, for components that register their own gauges and counters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Adds work that refreshes computed series (such as drift) before each scrape. */
    public void beforeScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /** The Prometheus text exposition of every series. */
    public String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    /** Records one HTTP request. */
    public void recordHttp(String method, String route, int status, long nanos) {
        httpTimers.computeIfAbsent(new HttpSeries(method, route, status), k -> Timer.builder("http_server_requests")
                .description("HTTP requests by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status),
                        "outcome", outcome(status))
                .publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records one scoring call ({@code endpoint} is "-" for a model called directly). */
    public void recordPrediction(String endpoint, String model, String arm, long nanos, boolean error) {
        PredictionSeries key = new PredictionSeries(endpoint, model, arm);
        predictionTimers.computeIfAbsent(key, k -> Timer.builder("autogate_predictions")
                .description("scoring calls by endpoint, model@version and arm")
                .tags("endpoint", endpoint, "model", model, "arm", arm)
                .publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (error) {
            predictionErrors.computeIfAbsent(key, k -> Counter.builder("autogate_prediction_errors")
                    .description("scoring calls that failed, by endpoint, model@version and arm")
                    .tags("endpoint", endpoint, "model", model, "arm", arm)
                    .register(registry)).increment();
        }
    }

    /** Counts rows scored in batch for a target (model ref or endpoint). */
    public void recordBatchRows(String kind, long rows) {
        batchRows.computeIfAbsent(kind, k -> Counter.builder("autogate_batch_rows")
                .description("rows scored by streamed batches and batch jobs")
                .tags("kind", kind)
                .register(registry)).increment(rows);
    }

    private static String outcome(int status) {
        return status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS";
    }

    private record HttpSeries(String method, String route, int status) {
    }

    private record PredictionSeries(String endpoint, String model, String arm) {
    }
}
