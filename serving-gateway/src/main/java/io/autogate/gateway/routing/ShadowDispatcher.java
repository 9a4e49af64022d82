package io.autogate.gateway.routing;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs shadow copies of requests in the background on a small bounded pool (daemon threads named
 * {@code autogate-shadow-N}) so that a slow, stalled or failing shadow never delays or fails the
 * caller: {@link #offer} never blocks, and when every thread is busy and the queue is full the
 * copy is dropped and counted. Thread-safe.
 */
public final class ShadowDispatcher implements AutoCloseable {
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final ThreadPoolExecutor executor;
    private final LongAdder submitted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    /** A dispatcher with {@code threads} workers (>= 1) and room for {@code queueCapacity} waiting copies (>= 1). */
    public ShadowDispatcher(int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("shadow threads and queue capacity must be >= 1, got "
                    + threads + " and " + queueCapacity);
        }
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "autogate-shadow-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues a shadow task without blocking; false when it was dropped because the pool is full or
     * closed. A task that throws is counted as failed; exceptions are swallowed, errors
     * (e.g. OutOfMemoryError) end the worker, which the pool replaces.
     */
    public boolean offer(Runnable task) {
        try {
            executor.execute(() -> run(task));
            submitted.increment();
            return true;
        } catch (RejectedExecutionException e) {
            dropped.increment();
            return false;
        }
    }

    /** The counters now. */
    public Stats stats() {
        return new Stats(submitted.sum(), completed.sum(), failed.sum(), dropped.sum(), executor.getQueue().size());
    }

    /**
     * Stops taking tasks, lets queued ones finish for up to two seconds, then interrupts the rest.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void run(Runnable task) {
        boolean finished = false;
        try {
            task.run();
            finished = true;
        } catch (Exception e) {
            // A failing shadow is counted below and must never reach the caller.
        } finally {
            (finished ? completed : failed).increment();
        }
    }

    /**
     * Dispatcher counters: tasks accepted, finished normally, finished by throwing, dropped because
     * the pool was full or closed, and waiting in the queue now.
     */
    public record Stats(long submitted, long completed, long failed, long dropped, int queued) {
    }
}
