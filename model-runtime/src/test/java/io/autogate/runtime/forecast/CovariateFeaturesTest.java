package io.autogate.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.schema.ColumnType;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Covariates in the global GBM's features (known ones at the target step, past-only ones never
 * after the origin), their encodings, the future rows a forecast needs, and manifests with and
 * without covariates.
 */
class CovariateFeaturesTest {
    private static final Frequency DAILY = new Frequency(ChronoUnit.DAYS, 1);
    private static final LocalDateTime START = LocalDateTime.of(2020, 1, 1, 0, 0);
    private static final int H = 5;

    /** One known and one past-only covariate; past lags 5 and 7 (horizon 5, m = 7), window 7. */
    private static GbmFeatures features() {
        return new GbmFeatures(new int[] {1, 2}, new int[] {3}, 3, List.of(CalendarField.DAY_OF_WEEK),
                List.of(CovariateRole.KNOWN, CovariateRole.PAST), new int[] {H, 7}, 7);
    }

    private static float[] row(GbmFeatures f, double[] y, double[][] cov, int t) {
        float[] out = new float[f.count()];
        f.row(y, cov, t, DAILY.plus(START, t), 1, out, 0);
        return out;
    }

    @Test
    void knownCovariatesAreReadAtTheTargetStepAndPastOnesOnlyBeforeTheOrigin() {
        GbmFeatures f = features();
        assertEquals(1 + 2 + 2 + 1 + 4 + 3, f.count());
        int n = 30;
        double[] y = new double[n + H];
        double[] known = new double[n + H];
        double[] past = new double[n + H];
        for (int t = 0; t < n + H; t++) {
            y[t] = 10 + t % 7;
            known[t] = 100 + t;
            past[t] = 1000 + t;
        }
        double[][] cut = new double[][] {known, Arrays.copyOf(past, n)};
        for (int h = 0; h < H; h++) {
            int t = n + h;
            float[] r = row(f, y, cut, t);
            assertEquals(100 + t, r[6], "the known covariate at the target's own step");
            assertEquals(100 + t - 1, r[7], "and one step before");
            assertEquals(100 + t - (100 + t - 3), r[8], "the known covariate against its value one anchor window before");
            assertEquals(2, r[9], "and against its mean over the anchor window");
            assertEquals(1000 + t - H, r[10], "past-only lag H");
            assertTrue(t - H < n && t - 7 < n);
            double[] changedAfterOrigin = past.clone();
            for (int i = n; i < n + H; i++) {
                changedAfterOrigin[i] = -1e9;
            }
            assertArrayEquals(r, row(f, y, new double[][] {known, changedAfterOrigin}, t),
                    "past-only values after the origin never reach a row of the first H steps");
        }
        float[] beyond = row(f, y, cut, n + H);
        assertTrue(Float.isNaN(beyond[10]), "past lag H at step H+1 would be after the origin: missing, not read");
        float[] early = row(f, y, cut, 2);
        assertTrue(Float.isNaN(early[10]) && Float.isNaN(early[12]), "lags before the first value are missing");
        assertThrows(IllegalArgumentException.class, () -> row(f, y, new double[][] {known}, 10));
    }

    @Test
    void encodingsRoundTripAndBadValuesNameTheCovariate() {
        Covariate dayType = new Covariate("day_type", CovariateRole.KNOWN, ColumnType.CATEGORICAL, List.of("A", "U", "W"));
        assertEquals(2, dayType.encode(" W "), 0);
        assertEquals("U", dayType.decode(dayType.encode("U")));
        assertTrue(Double.isNaN(dayType.encode("")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dayType.encode("X"));
        assertTrue(e.getMessage().contains("day_type") && e.getMessage().contains("[A, U, W]"), e.getMessage());
        Covariate holiday = new Covariate("Holiday", CovariateRole.KNOWN, ColumnType.BOOLEAN, List.of());
        assertEquals(1, holiday.encode("TRUE"), 0);
        assertEquals(0, holiday.encode("False"), 0);
        assertThrows(IllegalArgumentException.class, () -> holiday.encode("maybe"));
        Covariate temp = new Covariate("Temperature", CovariateRole.PAST, ColumnType.NUMERIC, List.of());
        assertEquals(21.4, temp.encode("21.4"), 0);
        e = assertThrows(IllegalArgumentException.class, () -> temp.encode("warm"));
        assertTrue(e.getMessage().contains("'Temperature'"), e.getMessage());
        assertEquals("linear interpolation", temp.imputation());
        assertEquals("carrying the previous value forward", dayType.imputation());
        assertThrows(IllegalArgumentException.class, () -> new Covariate("x", CovariateRole.KNOWN, ColumnType.TEXT, List.of()));
    }

    @Test
    void historyValuesAreImputedByTheirRuleAndAMissingFutureValueNamesCovariateAndTimestamp() {
        List<Covariate> covs = List.of(new Covariate("price", CovariateRole.KNOWN, ColumnType.NUMERIC, List.of()),
                new Covariate("promo", CovariateRole.KNOWN, ColumnType.BOOLEAN, List.of()));
        List<LocalDateTime> stamps = List.of(START, DAILY.plus(START, 1), DAILY.plus(START, 2), DAILY.plus(START, 3));
        Map<String, List<String>> raw = Map.of("price", Arrays.asList("1", null, "3", "4"),
                "promo", Arrays.asList("true", null, "false", null));
        CovariateGrid.Result grid = CovariateGrid.onGrid("a", covs, stamps, raw, DAILY);
        assertArrayEquals(new double[] {1, 2, 3, 4}, grid.rows()[0]);
        assertArrayEquals(new double[] {1, 1, 0, 0}, grid.rows()[1]);
        assertArrayEquals(new int[] {1, 2}, grid.imputed());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> CovariateGrid.onGrid("a", covs, stamps, Map.of("price", raw.get("price")), DAILY));
        assertTrue(absent.getMessage().contains("'promo'"), absent.getMessage());

        LocalDateTime end = stamps.get(3);
        List<String> future = new ArrayList<>(List.of("2020-01-05", "2020-01-06", "2020-01-07"));
        CovariateRows rows = new CovariateRows(future, Map.of("price", List.of("5", "6", "7"),
                "promo", List.of("true", "true", "false")));
        double[][] ext = CovariateGrid.withFuture(covs, grid.rows(), end, DAILY, TimeFormat.DATE, 3, rows);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7}, ext[0]);
        IllegalArgumentException shortFuture = assertThrows(IllegalArgumentException.class,
                () -> CovariateGrid.withFuture(covs, grid.rows(), end, DAILY, TimeFormat.DATE, 4, rows));
        assertTrue(shortFuture.getMessage().contains("'price'") && shortFuture.getMessage().contains("2020-01-08"),
                shortFuture.getMessage());
        CovariateRows gap = new CovariateRows(future, Map.of("price", Arrays.asList("5", null, "7"),
                "promo", List.of("true", "true", "false")));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CovariateGrid.withFuture(covs, grid.rows(), end, DAILY, TimeFormat.DATE, 3, gap));
        assertTrue(missing.getMessage().contains("'price' has no future value at 2020-01-06"), missing.getMessage());
    }

    private static ForecastSpec withCovariates() {
        List<Covariate> covs = List.of(new Covariate("promo", CovariateRole.KNOWN, ColumnType.BOOLEAN, List.of()),
                new Covariate("visits", CovariateRole.PAST, ColumnType.NUMERIC, List.of()));
        SeriesSpec a = new SeriesSpec("a", "2020-01-01", new double[] {1, 2, 3, 4},
                List.of(new ForecastMember("naive", 1, new NaiveModel())), List.of(),
                new double[][] {{0, 1, 0, 1}, {5, 6, 7, 8}});
        return new ForecastSpec("day", null, "y", DAILY, TimeFormat.DATE, 2, 7, List.of(a), Map.of(), Map.of(), List.of(),
                List.of(), covs);
    }

    @Test
    void aForecasterNeedsTheFutureKnownValuesAndOldManifestsLoadWithoutCovariates() throws Exception {
        ObjectMapper json = ManifestJson.mapper();
        ForecastSpec spec = withCovariates();
        ForecastSpec back = json.readValue(json.writeValueAsBytes(spec), ForecastSpec.class);
        assertEquals(spec.covariates(), back.covariates());
        assertArrayEquals(spec.series().get(0).covariateHistory()[1], back.series().get(0).covariateHistory()[1]);
        Forecaster f = new Forecaster(back);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.forecast("a", 2));
        assertTrue(e.getMessage().contains("'promo' has no future value at 2020-01-05"), e.getMessage());
        ForecastResult r = f.forecast("a", 2, new CovariateRows(List.of("2020-01-05", "2020-01-06"),
                Map.of("promo", List.of("false", "true"))));
        assertEquals(2, r.rows().size());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        ForecastResult longer = f.forecast("a", 3, new CovariateRows(List.of("2020-01-05", "2020-01-06", "2020-01-07"),
                Map.of("promo", List.of("false", "true", "true"))));
        assertTrue(longer.notes().get(0).contains("after the trained horizon 2 see the past-only covariates as missing"),
                longer.notes().toString());
        e = assertThrows(IllegalArgumentException.class, () -> f.forecast("b", 1, List.of("2021-01-01", "2021-01-02"),
                new double[] {1, 2}, Map.of("promo", List.of("true", "false")), CovariateRows.NONE));
        assertTrue(e.getMessage().contains("no values of covariate 'visits'"), e.getMessage());

        ObjectNode tree = (ObjectNode) json.valueToTree(spec);
        tree.remove("covariates");
        ((ObjectNode) tree.get("series").get(0)).remove("covariateHistory");
        String old = json.writeValueAsString(tree);
        assertTrue(!old.contains("covariates") && !old.contains("covariateHistory"), old);
        ForecastSpec legacy = json.readValue(old, ForecastSpec.class);
        assertEquals(List.of(), legacy.covariates());
        assertEquals(4, new Forecaster(legacy).forecast("a", 1).rows().get(0).prediction(), 1e-12);
    }
}
