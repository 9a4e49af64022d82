package io.autogate.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.artifact.ManifestJson;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Multi-seasonal decomposition, the MSTL forecast and the seasonal periods of each frequency. */
class MultiSeasonalTest {
    private static final double[] DAY = {3, -1, -4, 2};
    private static final double[] WEEK = {5, 5, 5, 5, 3, 3, 3, 3, 1, 1, 1, 1, 0, 0,
        0, 0, -1, -1, -1, -1, -3, -3, -3, -3, -5, -5, -5, -5};

    /** A slow trend plus a 4-step "day" and a 28-step "week" (both summing to zero) plus optional noise. */
    private static double[] twoSeasons(int n, double noise) {
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 0.01 * t + DAY[t % 4] + WEEK[t % 28] + noise * (r.nextDouble() - 0.5);
        }
        return y;
    }

    @Test
    void recoversBothSeasonalPatterns() {
        MultiSeasonal d = MultiSeasonal.of(twoSeasons(560, 0.5), List.of(28, 4));
        assertArrayEquals(new int[] {4, 28}, d.periods());
        assertArrayEquals(DAY, d.indices()[0], 0.3);
        assertArrayEquals(WEEK, d.indices()[1], 0.3);
    }

    @Test
    void aPeriodTheHistoryDoesNotCoverTwiceIsSkipped() {
        MultiSeasonal d = MultiSeasonal.of(twoSeasons(50, 0), List.of(4, 28, 1));
        assertArrayEquals(new int[] {4}, d.periods());
        assertEquals(0, d.indices()[0][0] + d.indices()[0][1] + d.indices()[0][2] + d.indices()[0][3], 1e-9);
    }

    @Test
    void mstlForecastCarriesBothSeasonsForward() {
        double[] y = twoSeasons(588, 0);
        double[] history = java.util.Arrays.copyOf(y, 560);
        PointForecast f = new MstlModel(List.of(4, 28), new NaiveModel()).forecast(history, 28);
        for (int h = 0; h < 28; h++) {
            assertEquals(y[560 + h], f.mean()[h], 0.6, "step " + h);
        }
        PointForecast single = new MstlModel(List.of(4), new NaiveModel()).forecast(history, 28);
        double both = 0;
        double one = 0;
        for (int h = 0; h < 28; h++) {
            both += Math.abs(y[560 + h] - f.mean()[h]);
            one += Math.abs(y[560 + h] - single.mean()[h]);
        }
        assertTrue(both < one / 5, "both seasons " + both + " vs the short one only " + one);
    }

    @Test
    void seasonalPeriodsOfEachFrequency() {
        assertEquals(List.of(48, 336), new Frequency(ChronoUnit.MINUTES, 30).seasonalPeriods());
        assertEquals(List.of(24, 168), new Frequency(ChronoUnit.HOURS, 1).seasonalPeriods());
        assertEquals(List.of(7, 365), new Frequency(ChronoUnit.DAYS, 1).seasonalPeriods());
        assertEquals(List.of(12), new Frequency(ChronoUnit.MONTHS, 1).seasonalPeriods());
        assertEquals(List.of(4), new Frequency(ChronoUnit.MONTHS, 3).seasonalPeriods());
        assertEquals(List.of(), new Frequency(ChronoUnit.YEARS, 1).seasonalPeriods());
    }

    @Test
    void theModelSurvivesJson() throws Exception {
        ObjectMapper json = ManifestJson.mapper();
        ForecastModel original = new MstlModel(List.of(4, 28), new EtsModel(EtsModel.Trend.A, true, EtsModel.Season.N, 1, 0.3,
                0.1, 0, 0.9));
        ForecastModel back = json.readValue(json.writeValueAsBytes(original), ForecastModel.class);
        assertEquals(original, back);
        double[] y = twoSeasons(200, 1);
        assertArrayEquals(original.forecast(y, 10).mean(), back.forecast(y, 10).mean(), 1e-12);
    }
}
