package io.autogate.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArmStatsTest {
    @Test
    void emptyStatsAreZero() {
        assertEquals(new ArmStats.Snapshot(0, 0, 0, 0, 0, 0), new ArmStats().snapshot());
    }

    @Test
    void countsAndPercentilesWithinOnePercent() {
        ArmStats stats = new ArmStats();
        for (int ms = 1; ms <= 1000; ms++) {
            stats.record(ms, ms % 10 == 0);
        }
        ArmStats.Snapshot snapshot = stats.snapshot();
        assertEquals(1000, snapshot.requests());
        assertEquals(100, snapshot.errors());
        assertEquals(0.1, snapshot.errorRate(), 1e-12);
        assertEquals(500, snapshot.p50Millis(), 5);
        assertEquals(990, snapshot.p99Millis(), 10);
        assertEquals(1000, snapshot.maxMillis(), 10);
    }

    @Test
    void subMillisecondAndHugeLatenciesAreKept() {
        ArmStats stats = new ArmStats();
        stats.record(0.25, false);
        stats.record(0.0, false);
        stats.record(3_600_000, false);
        ArmStats.Snapshot snapshot = stats.snapshot();
        assertEquals(0.25, snapshot.p50Millis(), 0.01);
        assertEquals(600_000, snapshot.maxMillis(), 6_000);
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        ArmStats stats = new ArmStats();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        stats.record(2.0, i % 100 == 0);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        ArmStats.Snapshot snapshot = stats.snapshot();
        assertEquals(100_000, snapshot.requests());
        assertEquals(1_000, snapshot.errors());
        assertEquals(2.0, snapshot.p99Millis(), 0.02);
    }

    @Test
    void stateRoundTrips() {
        ArmStats stats = new ArmStats();
        for (int i = 1; i <= 300; i++) {
            stats.record(i / 3.0, i % 30 == 0);
        }
        ArmStats restored = ArmStats.restore(stats.state());
        assertEquals(stats.snapshot(), restored.snapshot());
        restored.record(5, true);
        assertEquals(301, restored.requests());
        assertEquals(11, restored.errors());
        assertThrows(IllegalArgumentException.class, () -> ArmStats.restore(new ArmStats.State(1, 0, "bm90IGEgaGlzdG9ncmFt")));
    }
}
