package io.autogate.gateway.models;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recent cost of scoring one call with a model version: an exponentially weighted mean of the
 * wall time of its calls (each new call weighs 1/8), used to decide whether a small request may be
 * scored right on the event loop. Until the first call is measured the cost is unknown, and a
 * model never counts as cheap. Thread-safe; concurrent updates may lose one sample, which only
 * makes the mean a little less recent.
 */
public final class ScoringCost {
    private static final long UNKNOWN = -1;

    private final AtomicLong meanNanos = new AtomicLong(UNKNOWN);

    /** Records one call that took {@code nanos}. */
    public void record(long nanos) {
        long sample = Math.max(0, nanos);
        long mean = meanNanos.get();
        meanNanos.set(mean == UNKNOWN ? sample : mean + (sample - mean) / 8);
    }

    /** Whether calls are known to take at most {@code budget} on recent average. */
    public boolean within(Duration budget) {
        long mean = meanNanos.get();
        return mean != UNKNOWN && mean <= budget.toNanos();
    }

    /** The recent mean call time in nanoseconds, or -1 before the first call. */
    public long meanNanos() {
        return meanNanos.get();
    }
}
