package io.autogate.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stated rules for gaps, duplicates, irregular stamps and missing values, and the time axis. */
class SeriesRegularizerTest {
    private static LocalDateTime day(int d) {
        return LocalDateTime.of(2024, 1, d, 0, 0);
    }

    @Test
    void gapsAreInterpolatedDuplicatesAveragedAndReported() {
        Frequency daily = new Frequency(ChronoUnit.DAYS, 1);
        List<LocalDateTime> t = List.of(day(3), day(1), day(2), day(2), day(5));
        double[] y = {30, 10, 18, 22, 50};
        SeriesRegularizer.Result r = SeriesRegularizer.regularize("a", t, y, daily);
        assertEquals(day(1), r.series().start());
        assertArrayEquals(new double[] {10, 20, 30, 40, 50}, r.series().values(), 1e-12);
        assertEquals(new RegularizationReport(1, 0, 1, 0), r.report());
        assertTrue(r.report().notes("a").get(0).contains("duplicate"));
    }

    @Test
    void missingValuesAndOffGridStampsAreHandled() {
        Frequency hourly = new Frequency(ChronoUnit.HOURS, 1);
        LocalDateTime t0 = LocalDateTime.of(2024, 1, 1, 0, 0);
        List<LocalDateTime> t = List.of(t0, t0.plusHours(1).plusMinutes(5), t0.plusHours(2), t0.plusHours(3));
        double[] y = {Double.NaN, 2, Double.NaN, 6};
        SeriesRegularizer.Result r = SeriesRegularizer.regularize("", t, y, hourly);
        assertArrayEquals(new double[] {2, 2, 4, 6}, r.series().values(), 1e-12);
        assertEquals(new RegularizationReport(0, 1, 0, 2), r.report());
    }

    @Test
    void aSeriesWithoutNumbersIsRefused() {
        Frequency daily = new Frequency(ChronoUnit.DAYS, 1);
        assertThrows(IllegalArgumentException.class,
                () -> SeriesRegularizer.regularize("x", List.of(day(1), day(2)), new double[] {Double.NaN, Double.NaN}, daily));
    }

    @Test
    void frequencyIsInferredInCalendarUnits() {
        List<LocalDateTime> months = List.of(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 2, 1, 0, 0),
                LocalDateTime.of(2020, 3, 1, 0, 0), LocalDateTime.of(2020, 4, 1, 0, 0));
        assertEquals(new Frequency(ChronoUnit.MONTHS, 1), Frequency.infer(months));
        assertEquals(12, Frequency.infer(months).seasonalPeriod());
        assertEquals(4, Frequency.parse("1q").seasonalPeriod());
        assertEquals(48, Frequency.parse("30min").seasonalPeriod());
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("fortnightly"));
    }

    @Test
    void timeFormatsRoundTrip() {
        assertEquals(TimeFormat.YEAR_QUARTER, TimeFormat.detect("1998 Q3"));
        assertEquals(LocalDateTime.of(1998, 7, 1, 0, 0), TimeFormat.YEAR_QUARTER.parse("1998 Q3"));
        assertEquals("1998 Q3", TimeFormat.YEAR_QUARTER.format(LocalDateTime.of(1998, 7, 1, 0, 0)));
        assertEquals(TimeFormat.ISO_OFFSET, TimeFormat.detect("2012-01-01T00:30:00Z"));
        assertEquals("2012-01-01T00:30:00Z", TimeFormat.ISO_OFFSET.format(TimeFormat.ISO_OFFSET.parse("2012-01-01T00:30:00Z")));
        assertEquals("2016-07-01 01:00:00", TimeFormat.DATE_TIME.format(TimeFormat.DATE_TIME.parse("2016-07-01 01:00:00")));
        assertThrows(java.time.DateTimeException.class, () -> TimeFormat.detect("yesterday"));
    }
}
