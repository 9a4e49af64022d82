package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.BadInputException;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in seasonal naive at the longest season, and the trainer's history cap. */
class LongSeasonNaiveTest {
    @TempDir
    Path dir;

    /** Hourly values: a weekday/weekend level plus the hour of day, so a week back is exact and a day back is not. */
    private static double hourly(int t) {
        return 100 + ((t / 24) % 7 >= 5 ? -30 : 0) + t % 24;
    }

    private Path hourlyCsv(int n) throws Exception {
        StringBuilder csv = new StringBuilder("time,y\n");
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int t = 0; t < n; t++) {
            csv.append(start.plusHours(t).toString().replace('T', ' ')).append(":00,").append(hourly(t)).append('\n');
        }
        Path p = dir.resolve("hourly.csv");
        Files.writeString(p, csv.toString());
        return p;
    }

    private Path monthlyCsv() throws Exception {
        StringBuilder csv = new StringBuilder("month,y\n");
        for (int t = 0; t < 48; t++) {
            csv.append(String.format("%04d-%02d,%d%n", 2000 + t / 12, t % 12 + 1, 10 + t % 12 + t));
        }
        Path p = dir.resolve("monthly.csv");
        Files.writeString(p, csv.toString());
        return p;
    }

    private static ForecastRequest request(Path data, String time, int horizon, List<String> families, String name) {
        return new ForecastRequest(data, "y", time, null, horizon, null, Duration.ofSeconds(20), 1, 1, families, name);
    }

    @Test
    void appliesOnlyWhereTheCalendarHasASecondSeasonAndIsOptIn() {
        LongSeasonNaiveFamily family = new LongSeasonNaiveFamily();
        assertTrue(family.appliesTo(Frequency.parse("1h")));
        assertTrue(family.appliesTo(Frequency.parse("1d")));
        assertFalse(family.appliesTo(Frequency.parse("1mo")));
        assertEquals(169, family.forFrequency(Frequency.parse("1h")).minLength(24));
        assertEquals(337, family.forFrequency(Frequency.parse("30min")).minLength(48));
        assertFalse(ForecastFamilies.select(ForecastFamilies.all(), List.of()).stream()
                .anyMatch(f -> f.id().equals(LongSeasonNaiveFamily.ID)));
    }

    @Test
    void onHourlyDataItForecastsTheValueOneWeekBack() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        int n = 24 * 7 * 4;
        ForecastTrainingResult r = new ForecastTrainer(ForecastFamilies.all(), registry, Clock.systemUTC())
                .withEnsembleRule(EnsembleRule.BEST_SINGLE)
                .train(request(hourlyCsv(n), "time", 24, List.of("seasonal_naive", LongSeasonNaiveFamily.ID), "weekly"));
        assertEquals(0, r.backtest().get(LongSeasonNaiveFamily.ID).get("mase"), 1e-12);
        assertTrue(r.backtest().get("seasonal_naive").get("mase") > 0.1, r.backtest().toString());
        ForecastResult f = registry.loadForecaster(ModelRef.parse("weekly")).forecast("", 24);
        for (int h = 0; h < 24; h++) {
            assertEquals(hourly(n + h), f.rows().get(h).prediction(), 1e-9);
        }
    }

    @Test
    void onMonthlyDataItIsLeftOutWithANoteOrRejectedWhenItIsAllThatIsNamed() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        ForecastTrainer trainer = new ForecastTrainer(ForecastFamilies.all(), registry, Clock.systemUTC());
        ForecastTrainingResult r = trainer.train(request(monthlyCsv(), "month", 6, List.of("naive", LongSeasonNaiveFamily.ID),
                "monthly"));
        assertFalse(r.backtest().containsKey(LongSeasonNaiveFamily.ID), r.backtest().toString());
        assertTrue(r.notes().contains("seasonal_naive_long does not apply to 1mo data: not fitted"), r.notes().toString());
        BadInputException e = assertThrows(BadInputException.class, () -> trainer.train(request(monthlyCsv(), "month", 6,
                List.of(LongSeasonNaiveFamily.ID), "alone")));
        assertEquals("--families: none of [seasonal_naive_long] applies to 1mo data", e.getMessage());
    }

    @Test
    void theTrainerKeepsTheMostRecentHistoryItIsConfiguredFor() throws Exception {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"), ModelFormats.discover());
        int n = 24 * 7 * 4;
        ForecastTrainingResult r = new ForecastTrainer(ForecastFamilies.all(), registry, Clock.systemUTC())
                .withMaxHistory(400).train(request(hourlyCsv(n), "time", 24, List.of("naive"), "capped"));
        double[] kept = r.manifest().forecast().series().get(0).history();
        assertEquals(400, kept.length);
        assertEquals(hourly(n - 1), kept[399], 1e-12);
        assertEquals(hourly(n - 400), kept[0], 1e-12);
        assertEquals(400, r.manifest().provenance().settings().get("max_history"));
        assertThrows(IllegalArgumentException.class, () -> new ForecastTrainer(List.of(), registry, Clock.systemUTC())
                .withMaxHistory(2));
    }
}
