package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autogate.runtime.forecast.Frequency;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How many steps the global families read: two years of sub-daily data, shared within the budget. */
class GlobalHistoryTest {
    private static final Frequency HALF_HOURLY = Frequency.parse("30min");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void twoYearsOfStepsButNeverLessThanThePerSeriesHistory() {
        assertEquals(35_088, GlobalHistory.most(HALF_HOURLY, ForecastTrainer.MAX_HISTORY));
        assertEquals(17_544, GlobalHistory.most(Frequency.parse("1h"), ForecastTrainer.MAX_HISTORY));
        assertEquals(ForecastTrainer.MAX_HISTORY, GlobalHistory.most(Frequency.parse("1d"), ForecastTrainer.MAX_HISTORY),
                "731 days are fewer steps than the per-series history");
        assertEquals(ForecastTrainer.MAX_HISTORY, GlobalHistory.most(Frequency.parse("1mo"), ForecastTrainer.MAX_HISTORY));
        assertEquals(40_000, GlobalHistory.most(HALF_HOURLY, 40_000), "never less than the per-series history");
    }

    @Test
    void seriesShareTheStepsOfTheirBudget() {
        assertEquals(35_088, GlobalHistory.steps(HALF_HOURLY, 2500, 1, MINUTE), "one series: two years");
        assertEquals(6_666, GlobalHistory.steps(HALF_HOURLY, 2500, 6, MINUTE), "six share 40,000 steps a minute");
        assertEquals(13_333, GlobalHistory.steps(HALF_HOURLY, 2500, 6, Duration.ofSeconds(120)));
        assertEquals(2500, GlobalHistory.steps(HALF_HOURLY, 2500, 100, MINUTE), "many series: the per-series history");
        assertEquals(2500, GlobalHistory.steps(Frequency.parse("1d"), 2500, 1, Duration.ofHours(1)), "daily: unchanged");
    }
}
