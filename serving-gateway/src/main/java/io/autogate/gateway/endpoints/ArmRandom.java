package io.autogate.gateway.endpoints;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random numbers for unkeyed routing choices (A/B without a sticky key, canary shares, shadow
 * sampling). Each thread gets its own generator split from one seeded root, so choices are cheap
 * and uncontended; with the same seed and the same request order on one thread the choices repeat.
 * Thread-safe.
 */
final class ArmRandom {
    /** The seed used unless a test picks another. */
    static final long DEFAULT_SEED = 42L;

    private final SplittableRandom root;
    private final ThreadLocal<SplittableRandom> perThread;

    ArmRandom(long seed) {
        this.root = new SplittableRandom(seed);
        this.perThread = ThreadLocal.withInitial(this::split);
    }

    private synchronized SplittableRandom split() {
        return root.split();
    }

    /** The calling thread's generator. */
    RandomGenerator current() {
        return perThread.get();
    }
}
