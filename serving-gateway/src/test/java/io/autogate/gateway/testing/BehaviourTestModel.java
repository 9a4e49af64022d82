package io.autogate.gateway.testing;

import io.autogate.runtime.model.NumericModel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A binary classifier for failure and threading tests: {@code throw} fails every call;
 * {@code stall} blocks each call until {@link #release()} (or 30 s) and then answers 50/50;
 * {@code record} notes the name of the thread of every call in {@link #THREADS} and answers 50/50.
 * {@link #STALLED} counts calls waiting now.
 */
public record BehaviourTestModel(String behaviour) implements NumericModel {
    /** Calls blocked in a stalling model now. */
    public static final AtomicInteger STALLED = new AtomicInteger();
    /** Names of the threads that called a {@code record} model. */
    public static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    /** Lets every stalled call go on; later calls stall again after {@link #rearm()}. */
    public static void release() {
        gate.countDown();
    }

    /** Makes the next calls stall again. */
    public static void rearm() {
        gate = new CountDownLatch(1);
    }

    @Override
    public double[][] score(double[][] features) {
        if ("throw".equals(behaviour)) {
            throw new IllegalStateException("this test model always fails");
        }
        if ("record".equals(behaviour)) {
            THREADS.add(Thread.currentThread().getName());
            return halves(features.length);
        }
        STALLED.incrementAndGet();
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            STALLED.decrementAndGet();
        }
        return halves(features.length);
    }

    private static double[][] halves(int rows) {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = new double[] {0.5, 0.5};
        }
        return out;
    }

    @Override
    public String formatId() {
        return BehaviourTestFormat.ID;
    }
}
