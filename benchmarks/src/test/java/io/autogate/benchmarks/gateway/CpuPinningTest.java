package io.autogate.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuPinningTest {
    @Test
    void withoutPinEveryProcessRunsAnywhere() {
        CpuPinning none = GatewayBenchmarkOptions.parse(new String[0]).pinning();
        assertSame(CpuPinning.NONE, none);
        assertFalse(none.pinned());
        assertEquals(List.of("wrk", "-t2"), none.client(List.of("wrk", "-t2")));
        assertEquals(Runtime.getRuntime().availableProcessors(), none.serverCpus());
    }

    @Test
    void pinnedCommandsRunUnderTaskset() {
        CpuPinning pinning = GatewayBenchmarkOptions.parse(new String[] {"--pin", "0-2,5:3"}).pinning();
        assertTrue(pinning.pinned());
        assertEquals(List.of("taskset", "-c", "0-2,5", "java", "-cp", "x"), pinning.server(List.of("java", "-cp", "x")));
        assertEquals(List.of("taskset", "-c", "3", "wrk"), pinning.client(List.of("wrk")));
        assertEquals(4, pinning.serverCpus());
    }

    @Test
    void aMalformedPinIsRefusedWithItsText() {
        for (String bad : List.of("0", "0:", ":1", "a:1", "0;1", "0:1:2", "3-1:0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuPinning.parse(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
