package io.autogate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {
    private static String text(InstantText times, Instant t) {
        StringBuilder out = new StringBuilder();
        times.append(t, out);
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T09:30:00Z", "2026-12-03T09:30:00.100Z", "2026-12-03T09:30:00.000001Z",
            "2026-12-03T09:30:00.000000001Z", "2026-12-03T09:30:00.123456789Z", "2026-12-03T09:30:00.010200Z",
            "1969-12-31T23:59:59.999Z", "+10000-01-01T00:00:00.5Z", "1970-01-01T00:00:00Z"})
    void writesWhatInstantToStringWrites(String iso) {
        Instant t = Instant.parse(iso);
        assertEquals(t.toString(), text(new InstantText(), t));
    }

    @Test
    void agreesWithInstantToStringAcrossSecondsAndFractions() {
        InstantText times = new InstantText();
        SplittableRandom random = new SplittableRandom(42);
        long second = Instant.parse("2026-12-03T09:30:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            second += random.nextInt(3); // mostly the same second as the one before, as in the log
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(second, nano);
            assertEquals(t.toString(), text(times, t));
        }
    }
}
