package io.autogate.gateway.routing;

import io.autogate.runtime.predict.Prediction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShadowComparisonTest {
    private static Prediction label(String label) {
        return Prediction.ofClass(label, List.of());
    }

    @Test
    void classificationAgreementAndRecentExamples() {
        ShadowComparison comparison = new ShadowComparison(3, 0.05);
        for (int i = 0; i < 100; i++) {
            String shadow = i % 4 == 0 ? "no" : "yes";
            comparison.record(label("yes"), label(shadow), Map.of("id", Integer.toString(i)));
        }
        ShadowComparison.Snapshot snapshot = comparison.snapshot();
        assertEquals(100, snapshot.classified());
        assertEquals(75, snapshot.agreed());
        assertEquals(0.75, snapshot.agreementRate(), 1e-12);
        assertNull(snapshot.meanAbsoluteDifference());
        assertEquals(List.of("88", "92", "96"),
                snapshot.recentDisagreements().stream().map(d -> d.input().get("id")).toList());
        assertEquals("no", snapshot.recentDisagreements().getFirst().shadow().label());
    }

    @Test
    void regressionDifferences() {
        ShadowComparison comparison = new ShadowComparison();
        comparison.record(Prediction.ofValue(10), Prediction.ofValue(11), Map.of("r", "1"));
        comparison.record(Prediction.ofValue(-4), Prediction.ofValue(-4.1), Map.of("r", "2"));
        comparison.record(Prediction.ofValue(0), Prediction.ofValue(0), Map.of("r", "3"));
        ShadowComparison.Snapshot snapshot = comparison.snapshot();
        assertEquals(3, snapshot.regressed());
        assertEquals((1 + 0.1) / 3, snapshot.meanAbsoluteDifference(), 1e-9);
        assertEquals((0.1 + 0.025) / 3, snapshot.meanRelativeDifference(), 1e-9);
        assertNull(snapshot.agreementRate());
        assertEquals(List.of("1"), snapshot.recentDisagreements().stream().map(d -> d.input().get("r")).toList());
    }

    @Test
    void failuresAndMismatchedKindsAreCountedApart() {
        ShadowComparison comparison = new ShadowComparison();
        comparison.record(label("a"), Prediction.ofError("timeout"), Map.of());
        comparison.record(Prediction.ofError("bad row"), Prediction.ofError("bad row"), Map.of());
        comparison.record(label("a"), Prediction.ofValue(1), null);
        ShadowComparison.Snapshot snapshot = comparison.snapshot();
        assertEquals(1, snapshot.primaryErrors());
        assertEquals(2, snapshot.shadowErrors());
        assertEquals(1, snapshot.mismatchedKinds());
        assertEquals(0, snapshot.classified());
        assertEquals(2, snapshot.recentDisagreements().size());
        assertEquals(Map.of(), snapshot.recentDisagreements().getLast().input());
    }

    @Test
    void zeroExamplesKeepsNone() {
        ShadowComparison comparison = new ShadowComparison(0, 0);
        comparison.record(label("a"), label("b"), Map.of("x", "1"));
        assertEquals(0, comparison.snapshot().recentDisagreements().size());
        assertEquals(0.0, comparison.snapshot().agreementRate());
        assertThrows(IllegalArgumentException.class, () -> new ShadowComparison(-1, 0));
    }
}
