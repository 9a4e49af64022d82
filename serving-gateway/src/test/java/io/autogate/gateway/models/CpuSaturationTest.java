package io.autogate.gateway.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CpuSaturationTest {
    @Test
    void saturatedWhileTheLastSampleIsAtOrAboveTheCeiling() {
        AtomicReference<Double> load = new AtomicReference<>(0.5);
        try (CpuSaturation cpu = CpuSaturation.sampledByHand(load::get, 0.9)) {
            cpu.sample();
            assertFalse(cpu.saturated());
            load.set(0.9);
            assertFalse(cpu.saturated(), "nothing changes until the next sample");
            cpu.sample();
            assertTrue(cpu.saturated());
            load.set(0.89);
            cpu.sample();
            assertFalse(cpu.saturated());
        }
    }

    @Test
    void aLoadTheSystemCannotReportIsNotSaturationAndACeilingAboveOneIsNever() {
        AtomicReference<Double> load = new AtomicReference<>(-1.0);
        try (CpuSaturation cpu = CpuSaturation.sampledByHand(load::get, 0.9)) {
            cpu.sample();
            assertFalse(cpu.saturated(), "getCpuLoad answers a negative value when it has none");
        }
        load.set(1.0);
        try (CpuSaturation never = CpuSaturation.sampledByHand(load::get, 1.01)) {
            never.sample();
            assertFalse(never.saturated());
        }
    }

    @Test
    void theMachineSignalStartsUnsaturatedAndRefusesACeilingThatIsNotPositive() {
        try (CpuSaturation off = CpuSaturation.ofMachine(2)) {
            assertFalse(off.saturated());
        }
        for (double bad : new double[] {0, -0.5, Double.NaN}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuSaturation.ofMachine(bad)).getMessage()
                    .contains("must be above 0"));
        }
    }
}
