package io.autogate.engine.forecast;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiConsumer;

/**
 * Runs fits on a fixed pool, each under its own time slot counted from when it starts, all under
 * one deadline. A fit that throws, overruns its slot (its thread is interrupted and the result is
 * dropped) or has not finished at the deadline yields a failure text instead of a value; the
 * others are unaffected. Results come back in submission order; each is also handed to an
 * optional listener as it is known, on the calling thread.
 */
final class SlotRunner {
    private static final long POLL_MILLIS = 5;

    private SlotRunner() {
    }

    /** A task's value, or why there is none. */
    record Outcome<R>(R value, String failure) {
    }

    static <R> List<Outcome<R>> run(List<Callable<R>> tasks, int threads, long slotMillis, long deadlineMillis, Clock clock)
            throws InterruptedException {
        return run(tasks, threads, slotMillis, deadlineMillis, clock, (index, outcome) -> {
        });
    }

    /** As {@link #run(List, int, long, long, Clock)}, telling {@code finished} each task's index and outcome once it is known. */
    static <R> List<Outcome<R>> run(List<Callable<R>> tasks, int threads, long slotMillis, long deadlineMillis, Clock clock,
            BiConsumer<Integer, Outcome<R>> finished) throws InterruptedException {
        List<Outcome<R>> outcomes = new ArrayList<>(Collections.nCopies(tasks.size(), null));
        AtomicLongArray started = new AtomicLongArray(tasks.size());
        String[] failures = new String[tasks.size()];
        List<Future<R>> futures = new ArrayList<>(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "forecast-fit");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < tasks.size(); i++) {
                int index = i;
                Callable<R> task = tasks.get(i);
                futures.add(pool.submit(() -> {
                    started.set(index, Math.max(1, clock.millis()));
                    return task.call();
                }));
            }
            int open = tasks.size();
            while (open > 0) {
                open = 0;
                long now = clock.millis();
                for (int i = 0; i < futures.size(); i++) {
                    Future<R> f = futures.get(i);
                    if (f.isDone()) {
                        report(i, f, failures[i], outcomes, finished);
                        continue;
                    }
                    long start = started.get(i);
                    if (start > 0 && now - start > slotMillis) {
                        failures[i] = "overran its time slot of " + slotMillis / 1000.0 + "s";
                        f.cancel(true);
                    } else if (now > deadlineMillis) {
                        failures[i] = "not finished within the budget";
                        f.cancel(true);
                    } else {
                        open++;
                    }
                }
                if (open > 0) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                report(i, futures.get(i), failures[i], outcomes, finished);
            }
            return List.copyOf(outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    // the first time a finished task is seen: its outcome is kept and passed on
    private static <R> void report(int i, Future<R> f, String failure, List<Outcome<R>> outcomes,
            BiConsumer<Integer, Outcome<R>> finished) throws InterruptedException {
        if (outcomes.get(i) == null) {
            outcomes.set(i, outcome(f, failure));
            finished.accept(i, outcomes.get(i));
        }
    }

    private static <R> Outcome<R> outcome(Future<R> f, String failure) throws InterruptedException {
        if (failure != null) {
            return new Outcome<>(null, failure);
        }
        try {
            return new Outcome<>(f.get(), null);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String message = c.getMessage() == null ? "" : ": " + c.getMessage().lines().findFirst().orElse("");
            return new Outcome<>(null, c instanceof SlotExpiredException ? "overran its time slot"
                    : "failed (" + c.getClass().getSimpleName() + message + ")");
        } catch (CancellationException e) {
            return new Outcome<>(null, "cancelled");
        }
    }
}
