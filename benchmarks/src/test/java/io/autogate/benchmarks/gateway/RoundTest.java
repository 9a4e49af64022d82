package io.autogate.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTest {
    private static Wrk.Result rps(double requestsPerSecond) {
        return new Wrk.Result("run", requestsPerSecond, 1, 0, 0, 0.1, 0.2, 0.3, 1.0);
    }

    private static Round round(double bare, double bareModel, double gateway) {
        return new Round(rps(bare), rps(bareModel), rps(gateway));
    }

    @Test
    void sharesCompareTheGatewayWithBothCeilingsOfItsOwnRound() {
        Round r = round(60_000, 36_000, 27_000);
        assertEquals(0.45, r.shareOfBare(), 1e-12);
        assertEquals(0.75, r.shareOfModelBound(), 1e-12);
        assertEquals(0.60, r.modelBoundShareOfBare(), 1e-12);
    }

    @Test
    void theMedianRoundIsChosenByShareOfTheBareServerNotByRawThroughput() {
        Round fastMachine = round(90_000, 50_000, 36_000); // 40%
        Round middle = round(60_000, 36_000, 27_000); // 45%
        Round slowMachine = round(40_000, 25_000, 20_000); // 50%
        assertSame(middle, Round.median(List.of(slowMachine, fastMachine, middle)));
        assertSame(fastMachine, Round.median(List.of(slowMachine, fastMachine)), "the lower middle of an even count");
        assertSame(middle, Round.median(List.of(middle)));
    }

    @Test
    void roundsMustBePositive() {
        assertEquals(3, GatewayBenchmarkOptions.parse(new String[0]).rounds());
        assertEquals(5, GatewayBenchmarkOptions.parse(new String[] {"--rounds", "5"}).rounds());
        assertThrows(IllegalArgumentException.class, () -> GatewayBenchmarkOptions.parse(new String[] {"--rounds", "0"}));
    }

    @Test
    void theMedianShadowRoundIsChosenByTheShadowShareOfItsOwnRound() {
        ShadowRound fast = new ShadowRound(rps(30_000), rps(24_000)); // 80%
        ShadowRound middle = new ShadowRound(rps(20_000), rps(18_000)); // 90%
        ShadowRound slow = new ShadowRound(rps(15_000), rps(15_000)); // 100%
        assertEquals(0.9, middle.shareOfSingle(), 1e-12);
        assertSame(middle, ShadowRound.median(List.of(slow, fast, middle)));
        assertSame(fast, ShadowRound.median(List.of(slow, fast)), "the lower middle of an even count");
    }
}
