package io.autogate.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointStoreTest {
    private static final EndpointPolicy.Canary CANARY = new EndpointPolicy.Canary("churn@1", "churn@2",
            List.of(10.0, 100.0), 5, 0, new CanaryGuards(0.02, 50.0, 0.05, 3), null);

    @TempDir
    Path folder;

    @Test
    void survivesRestartWithPolicyAndCanaryState() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        CanaryController canary = new CanaryController(CANARY, clock);
        for (int i = 0; i < 5; i++) {
            canary.record("stable", 3.0, false);
            canary.record("candidate", 4.0, false);
        }
        canary.recordQuality("candidate", true);
        assertEquals(100.0, canary.candidatePercent());
        clock.advance(Duration.ofSeconds(30));
        canary.record("candidate", 7.0, true);

        EndpointStore store = new EndpointStore(folder);
        store.put(new StoredEndpoint("churn", new EndpointPolicy.Single("churn:production"), null));
        store.put(new StoredEndpoint("churn-canary", CANARY, canary.state()));

        EndpointStore reopened = new EndpointStore(folder);
        List<StoredEndpoint> loaded = reopened.loadAll();
        assertEquals(List.of("churn", "churn-canary"), loaded.stream().map(StoredEndpoint::name).toList());
        assertEquals(new EndpointPolicy.Single("churn:production"), reopened.get("churn").orElseThrow().policy());
        StoredEndpoint stored = reopened.get("churn-canary").orElseThrow();
        assertEquals(CANARY, stored.policy());
        assertEquals(canary.state(), stored.canary());

        CanaryController resumed = CanaryController.resume(CANARY, stored.canary(), clock);
        assertEquals(100.0, resumed.candidatePercent());
        assertEquals(canary.history(), resumed.history());
        assertEquals(1, resumed.state().candidateStep().requests());
        assertEquals(1, resumed.state().candidateStep().errors());
        assertEquals(1, resumed.state().candidateQuality().correct());
    }

    @Test
    void writesAtomicallyWithoutLeavingTempFiles() throws IOException {
        EndpointStore store = new EndpointStore(folder);
        for (int i = 1; i <= 5; i++) {
            store.put(new StoredEndpoint("scoring", new EndpointPolicy.Single("churn@" + i), null));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("scoring.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(new EndpointPolicy.Single("churn@5"), new EndpointStore(folder).loadAll().getFirst().policy());
    }

    @Test
    void loadAllRemovesLeftoverTempFiles() throws IOException {
        Files.writeString(folder.resolve(".scoring.json.123.tmp"), "{half");
        assertTrue(new EndpointStore(folder).loadAll().isEmpty());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void listsAndDeletes() {
        EndpointStore store = new EndpointStore(folder);
        store.put(new StoredEndpoint("b", new EndpointPolicy.Single("m"), null));
        store.put(new StoredEndpoint("a", new EndpointPolicy.Shadow("m@1", "m@2", 0.5), null));
        assertEquals(List.of("a", "b"), store.list().stream().map(StoredEndpoint::name).toList());
        assertTrue(store.delete("a"));
        assertFalse(store.delete("a"));
        assertTrue(store.get("a").isEmpty());
        assertFalse(Files.exists(folder.resolve("a.json")));
        assertEquals(List.of("b"), new EndpointStore(folder).loadAll().stream().map(StoredEndpoint::name).toList());
    }

    @Test
    void rejectsNamesThatCouldLeaveTheFolder() {
        EndpointStore store = new EndpointStore(folder);
        for (String bad : List.of("../evil", "a/b", "..", ".hidden", "", "a b")) {
            ApiException e = assertThrows(ApiException.class,
                    () -> store.put(new StoredEndpoint(bad, new EndpointPolicy.Single("m"), null)), bad);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith("endpoint name '" + bad + "' is not valid"), e.getMessage());
            assertThrows(ApiException.class, () -> store.get(bad));
            assertThrows(ApiException.class, () -> store.delete(bad));
        }
        assertFalse(Files.exists(folder.resolveSibling("evil.json")));
    }

    @Test
    void damagedFileFailsLoudlyNamingIt() throws IOException {
        Files.writeString(folder.resolve("broken.json"), "{\"endpoint\":\"broken\",\"policy\":{\"type\":\"nope\"}}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new EndpointStore(folder).loadAll());
        assertTrue(e.getMessage().contains("broken.json") && e.getMessage().contains("unknown policy type 'nope'"),
                e.getMessage());
    }
}
