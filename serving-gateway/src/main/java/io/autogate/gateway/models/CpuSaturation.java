package io.autogate.gateway.models;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Whether the machine (or the container: the JDK reads the cgroup's limits) has CPU to spare: a
 * daemon thread samples the recent CPU load, a share from 0 to 1, every {@link #PERIOD}, and the
 * machine counts as saturated while the last sample is at or above the ceiling. Best-effort work
 * such as shadow copies gives way then. This covers what the inference pool's queue cannot see: a
 * request scored right on the event loop never waits for a worker. A ceiling above 1 turns the
 * signal off (no thread is started). Thread-safe.
 */
public final class CpuSaturation implements AutoCloseable {
    /** How often the CPU load is sampled. */
    public static final Duration PERIOD = Duration.ofMillis(200);

    private final DoubleSupplier load;
    private final double ceiling;
    private final ScheduledExecutorService sampler;
    private volatile boolean saturated;

    private CpuSaturation(DoubleSupplier load, double ceiling, boolean sampleOnTimer) {
        this.load = load;
        this.ceiling = ceiling;
        if (sampleOnTimer && ceiling <= 1) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("autogate-cpu-load").unstarted(r));
            sampler.scheduleAtFixedRate(this::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            sampler = null;
        }
    }

    /**
     * The machine's recent CPU load against {@code ceiling} (a share in (0, 1], or above 1 for never
     * saturated), sampled every {@link #PERIOD}.
     *
     * @throws IllegalArgumentException when the ceiling is not positive
     */
    public static CpuSaturation ofMachine(double ceiling) {
        requirePositive(ceiling);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuSaturation(os::getCpuLoad, ceiling, true);
    }

    /** A signal read from {@code load} only when {@link #sample()} is called (for tests). */
    static CpuSaturation sampledByHand(DoubleSupplier load, double ceiling) {
        requirePositive(ceiling);
        return new CpuSaturation(load, ceiling, false);
    }

    private static void requirePositive(double ceiling) {
        if (!(ceiling > 0)) {
            throw new IllegalArgumentException("the CPU ceiling for shadow copies must be above 0, got " + ceiling);
        }
    }

    /** Takes one sample of the load (a negative reading, "not available", counts as not saturated). */
    void sample() {
        saturated = load.getAsDouble() >= ceiling;
    }

    /** Whether the last sample was at or above the ceiling. */
    public boolean saturated() {
        return saturated;
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}
