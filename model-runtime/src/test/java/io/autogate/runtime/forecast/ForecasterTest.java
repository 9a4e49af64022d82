package io.autogate.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.artifact.ManifestJson;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Serving a forecasting section: timestamps, history, unknown series, horizon limits, JSON round trip. */
class ForecasterTest {
    private static ForecastSpec spec() {
        SeriesSpec a = new SeriesSpec("a", "2020-01", new double[] {1, 2, 3, 4},
                List.of(new ForecastMember("naive", 1, new NaiveModel())), List.of());
        return new ForecastSpec("month", "id", "y", new Frequency(ChronoUnit.MONTHS, 1), TimeFormat.YEAR_MONTH, 2, 12,
                List.of(a), Map.of(), Map.of(), List.of());
    }

    @Test
    void forecastsFromTheEndOfTrainingWithStampsInTheDataFormat() {
        ForecastResult r = new Forecaster(spec()).forecast("a", 2);
        assertEquals("2020-05", r.rows().get(0).timestamp());
        assertEquals("2020-06", r.rows().get(1).timestamp());
        assertEquals(4, r.rows().get(0).prediction(), 1e-12);
        assertTrue(r.rows().get(0).lower95() < r.rows().get(0).lower80());
    }

    @Test
    void theFutureTimestampsAreTheStepsAForecastFromTheEndOfTrainingCovers() {
        Forecaster f = new Forecaster(spec());
        assertEquals(List.of("2020-05", "2020-06", "2020-07"), f.futureTimestamps("a", 3));
        assertEquals(f.futureTimestamps("a", 3), f.forecast("a", 3).rows().stream().map(ForecastRow::timestamp).toList());
        assertThrows(UnknownSeriesException.class, () -> f.futureTimestamps("b", 1));
        assertThrows(IllegalArgumentException.class, () -> f.futureTimestamps("a", 0));
    }

    @Test
    void forecastsFromAGivenHistoryAndUsesFallbacksForNewSeries() {
        Forecaster f = new Forecaster(spec());
        ForecastResult r = f.forecast("b", 1, List.of("2021-01", "2021-03", "2021-04"), new double[] {5, 9, 11});
        assertEquals("2021-05", r.rows().get(0).timestamp());
        assertEquals(11, r.rows().get(0).prediction(), 1e-12);
        assertTrue(String.join(" ", r.notes()).contains("filled"));
        assertTrue(String.join(" ", r.notes()).contains("not seen at training"));
        assertThrows(UnknownSeriesException.class, () -> f.forecast("b", 1));
        assertThrows(IllegalArgumentException.class, () -> f.forecast("a", 0));
        assertThrows(IllegalArgumentException.class, () -> f.forecast("a", 1, List.of("2021-01"), new double[] {1}));
    }

    @Test
    void theSectionSurvivesJson() throws Exception {
        ObjectMapper json = ManifestJson.mapper();
        ForecastSpec original = new ForecastSpec("month", null, "y", new Frequency(ChronoUnit.MONTHS, 3), TimeFormat.YEAR_QUARTER,
                4, 4, List.of(new SeriesSpec("", "1998 Q1", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
                        List.of(new ForecastMember("ets", 0.6, new EtsModel(EtsModel.Trend.A, true, EtsModel.Season.A, 4, 0.3,
                                0.1, 0.1, 0.9)), new ForecastMember("arima", 0.4, new ArimaModel(1, 1, 0, 0, 0, 0, 4,
                                new double[] {0.2}, new double[0], new double[0], new double[0], 0.1))), List.of())),
                Map.of("ets", Map.of("mase", 0.5)), Map.of("mase", 0.4), List.of());
        ForecastSpec back = json.readValue(json.writeValueAsBytes(original), ForecastSpec.class);
        assertEquals(new Forecaster(original).forecast("", 4), new Forecaster(back).forecast("", 4));
        assertEquals("2000 Q3", new Forecaster(back).forecast("", 4).rows().get(0).timestamp());
    }
}
