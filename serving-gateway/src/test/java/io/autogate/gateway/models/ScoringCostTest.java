package io.autogate.gateway.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScoringCostTest {
    @Test
    void unknownUntilTheFirstCallThenARecentMean() {
        ScoringCost cost = new ScoringCost();
        assertFalse(cost.within(Duration.ofDays(1)), "an unmeasured model is never cheap");
        cost.record(80_000);
        assertEquals(80_000, cost.meanNanos());
        assertTrue(cost.within(Duration.ofNanos(100_000)));
        cost.record(880_000);
        assertEquals(180_000, cost.meanNanos(), "each call weighs an eighth");
        assertFalse(cost.within(Duration.ofNanos(100_000)));
        for (int i = 0; i < 30; i++) {
            cost.record(20_000);
        }
        assertTrue(cost.within(Duration.ofNanos(100_000)), "fast calls bring it back");
    }

    @Test
    void negativeTimesCountAsZero() {
        ScoringCost cost = new ScoringCost();
        cost.record(-5);
        assertEquals(0, cost.meanNanos());
        assertTrue(cost.within(Duration.ZERO));
    }
}
