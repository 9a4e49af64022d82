package io.autogate.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowDispatcherTest {
    @Test
    void dropsWhenFullWithoutBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> threadName = new AtomicReference<>();
        try (ShadowDispatcher dispatcher = new ShadowDispatcher(1, 2)) {
            Runnable stalled = () -> {
                threadName.set(Thread.currentThread().getName());
                started.countDown();
                awaitQuietly(release);
            };
            assertTrue(dispatcher.offer(stalled));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(dispatcher.offer(() -> awaitQuietly(release)));
            assertTrue(dispatcher.offer(() -> awaitQuietly(release)));
            long before = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertFalse(dispatcher.offer(() -> { }));
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
            assertTrue(tookMillis < 500, "offers took " + tookMillis + " ms");
            assertEquals(new ShadowDispatcher.Stats(3, 0, 0, 100, 2), dispatcher.stats());
            assertTrue(threadName.get().startsWith("autogate-shadow-"), threadName.get());

            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> dispatcher.stats().completed() == 3);
            assertTrue(dispatcher.offer(() -> { }));
        }
    }

    @Test
    void failingTasksAreCountedAndDoNotStopTheWorker() {
        try (ShadowDispatcher dispatcher = new ShadowDispatcher(1, 8)) {
            assertTrue(dispatcher.offer(() -> {
                throw new IllegalStateException("shadow model broke");
            }));
            assertTrue(dispatcher.offer(() -> { }));
            await().atMost(5, TimeUnit.SECONDS).until(() -> dispatcher.stats().completed() == 1);
            ShadowDispatcher.Stats stats = dispatcher.stats();
            assertEquals(1, stats.failed());
            assertEquals(2, stats.submitted());
        }
    }

    @Test
    void closedDispatcherDropsOffers() {
        ShadowDispatcher dispatcher = new ShadowDispatcher(1, 1);
        dispatcher.close();
        assertFalse(dispatcher.offer(() -> { }));
        assertEquals(1, dispatcher.stats().dropped());
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new ShadowDispatcher(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ShadowDispatcher(1, 0));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
