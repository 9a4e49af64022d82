package io.autogate.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a series at its start ({@link RegularSeries#tail}) and at an origin ({@link RegularSeries#head}). */
class RegularSeriesTest {
    private static final Frequency HOURLY = Frequency.parse("1h");
    private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** Five values; a known covariate with two future values; a past-only one. */
    private static RegularSeries series() {
        return new RegularSeries("a", START, new double[] {1, 2, 3, 4, 5},
                new double[][] {{10, 20, 30, 40, 50, 60, 70}, {-1, -2, -3, -4, -5}});
    }

    @Test
    void tailKeepsTheLastStepsAndEveryCovariateFromTheSameStart() {
        RegularSeries t = series().tail(2, HOURLY);
        assertEquals(START.plusHours(3), t.start());
        assertArrayEquals(new double[] {4, 5}, t.values());
        assertArrayEquals(new double[] {40, 50, 60, 70}, t.covariates()[0], "the known covariate keeps its future values");
        assertArrayEquals(new double[] {-4, -5}, t.covariates()[1]);
        assertEquals(series().end(HOURLY), t.end(HOURLY));
        RegularSeries s = series();
        assertSame(s, s.tail(5, HOURLY));
        assertSame(s, s.tail(9, HOURLY), "a series no longer than the cut is itself");
    }

    @Test
    void headCutsPastOnlyCovariatesAtTheOriginAndKeepsKnownOnes() {
        RegularSeries h = series().head(3, List.of(CovariateRole.KNOWN, CovariateRole.PAST));
        assertArrayEquals(new double[] {1, 2, 3}, h.values());
        assertEquals(7, h.covariates()[0].length);
        assertArrayEquals(new double[] {-1, -2, -3}, h.covariates()[1]);
    }
}
