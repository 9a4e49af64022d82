package io.autogate.gateway.models;

import io.autogate.gateway.http.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named worker pool ({@value #NAME}) where model loading and inference run, never on the
 * event loop. At most {@code maxQueued} tasks wait or run at once; beyond that a task is refused
 * at once with a 503 {@code overloaded} error (the HTTP layer adds Retry-After), so a burst costs
 * bounded memory and the callers learn quickly. Thread-safe.
 */
public final class InferencePool implements AutoCloseable {
    /** The worker pool's name, as seen in thread names and metrics. */
    public static final String NAME = "autogate-inference";

    private final WorkerExecutor executor;
    private final int maxQueued;
    private final int workers;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** A pool of {@code workers} threads admitting {@code maxQueued} tasks. */
    public InferencePool(Vertx vertx, int workers, int maxQueued, MeterRegistry meters) {
        this.executor = vertx.createSharedWorkerExecutor(NAME, workers);
        this.maxQueued = maxQueued;
        this.workers = workers;
        Gauge.builder("autogate_inference_in_flight", inFlight, AtomicInteger::get)
                .description("tasks waiting for or running on the inference pool").register(meters);
    }

    /** Runs a blocking task on the pool, or fails at once with 503 when the queue is full. */
    public <T> Future<T> submit(Callable<T> task) {
        if (inFlight.incrementAndGet() > maxQueued) {
            inFlight.decrementAndGet();
            return Future.failedFuture(new ApiException(503, "overloaded",
                    "the gateway is at capacity (" + maxQueued + " requests queued); retry shortly"));
        }
        return executor.executeBlocking(task, false).andThen(done -> inFlight.decrementAndGet());
    }

    /**
     * Whether requests are waiting for a worker now (more tasks admitted than threads): the pool is
     * saturated, so best-effort work such as shadow copies should give way.
     */
    public boolean busy() {
        return inFlight.get() > workers;
    }

    /** The underlying worker executor, for streamed batch scoring that manages its own bound. */
    public WorkerExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.close();
    }
}
