package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in multi-seasonal family: left out by default, trained and served when named. */
class MstlTrainingTest {
    @TempDir
    Path dir;

    @Test
    void mstlIsOptIn() {
        List<String> defaults = ForecastFamilies.select(ForecastFamilies.all(), ForecastFamilies.global(), List.of()).stream()
                .map(ForecastFamily::id).toList();
        assertFalse(defaults.contains(MstlFamily.ID), defaults.toString());
        assertTrue(defaults.containsAll(List.of("naive", "seasonal_naive", "theta", "ets", "arima")), defaults.toString());
        assertEquals(List.of(MstlFamily.ID), ForecastFamilies.select(ForecastFamilies.all(), ForecastFamilies.global(),
                List.of("MSTL")).stream().map(ForecastFamily::id).toList());
    }

    @Test
    void aNamedMstlMemberIsTrainedOnTheDayAndTheWeekAndServed() throws Exception {
        SplittableRandom r = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("time,y\n");
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        int n = 24 * 7 * 5;
        for (int t = 0; t < n; t++) {
            double day = 10 * Math.sin(2 * Math.PI * t / 24);
            double week = (t / 24) % 7 >= 5 ? -15 : 6;
            csv.append(start.plusHours(t).toString().replace('T', ' ')).append(":00,")
                    .append(200 + day + week + r.nextDouble()).append('\n');
        }
        Path data = dir.resolve("hourly.csv");
        Files.writeString(data, csv.toString());
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        ForecastTrainingResult result = ForecastTrainer.withAllFamilies(registry, Clock.systemUTC()).train(new ForecastRequest(
                data, "y", "time", null, 24, null, Duration.ofSeconds(30), 1, 1, List.of("seasonal_naive", "mstl"), "hourly"));
        Map<String, Double> mstl = result.backtest().get(MstlFamily.ID);
        assertTrue(mstl.get("mase") < result.backtest().get("seasonal_naive").get("mase"), result.backtest().toString());
        assertTrue(result.weights().containsKey(MstlFamily.ID), result.weights().toString());
        ForecastResult f = registry.loadForecaster(ModelRef.parse("hourly")).forecast("", 24);
        assertEquals(24, f.rows().size());
        // the history ends on a Sunday (day 34 of a Monday start): the next day is at the weekday level, not yesterday's
        double mean = f.rows().stream().mapToDouble(row -> row.prediction()).average().orElseThrow();
        assertEquals(200 + 6 + 0.5, mean, 2.0);
    }
}
