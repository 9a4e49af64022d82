package io.autogate.gateway.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.http.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class InferencePoolTest {
    @Test
    void isBusyOnlyWhileTasksWaitForAWorkerAndRefusesBeyondItsQueue(Vertx vertx) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        InferencePool pool = new InferencePool(vertx, 1, 2, meters);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<Integer> first = pool.submit(() -> {
                release.await(10, TimeUnit.SECONDS);
                return 1;
            });
            assertFalse(pool.busy(), "one task on one worker: nobody waits");
            Future<Integer> second = pool.submit(() -> 2);
            assertTrue(pool.busy(), "a second task waits for the only worker");
            Future<Integer> third = pool.submit(() -> 3);
            assertTrue(third.failed());
            ApiException refused = (ApiException) third.cause();
            assertEquals(503, refused.status());
            assertEquals(2.0, meters.get("autogate_inference_in_flight").gauge().value());
            release.countDown();
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> first.succeeded() && second.succeeded());
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !pool.busy()
                    && meters.get("autogate_inference_in_flight").gauge().value() == 0.0);
        } finally {
            release.countDown();
            pool.close();
        }
    }
}
