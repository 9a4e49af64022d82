package io.autogate.gateway.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.profile.NumericHistogram;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
    private static final int TRAIN_ROWS = 5000;
    private static final String[] CATEGORIES = {"a", "b", "c", "d"};
    private static final double[] WEIGHTS = {0.5, 0.3, 0.15, 0.05};
    private static final double[] SWAPPED = {0.05, 0.15, 0.3, 0.5};
    private static final Map<String, Set<String>> KNOWN = Map.of("color", Set.of(CATEGORIES));

    private final DatasetProfile profile = trainingProfile(new Random(1));

    private static String category(Random random, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return CATEGORIES[i];
            }
        }
        return CATEGORIES[CATEGORIES.length - 1];
    }

    /** Rows with age ~ N(50 + shift, 10) (2% missing) and color drawn with the weights. */
    private static Supplier<Row> rows(Random random, double shift, double[] weights) {
        return () -> {
            Map<String, String> m = new HashMap<>();
            m.put("age", random.nextDouble() < 0.02 ? "" : Double.toString(50 + shift + 10 * random.nextGaussian()));
            m.put("color", category(random, weights));
            m.put("target", "ignored");
            return Row.of(m);
        };
    }

    private static DatasetProfile trainingProfile(Random random) {
        Supplier<Row> rows = rows(random, 0, WEIGHTS);
        double[] ages = new double[TRAIN_ROWS];
        int n = 0;
        long missing = 0;
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < TRAIN_ROWS; i++) {
            Row r = rows.get();
            if (r.get("age").isEmpty()) {
                missing++;
            } else {
                ages[n++] = Double.parseDouble(r.get("age"));
            }
            counts.merge(r.get("color"), 1L, Long::sum);
        }
        double[] sorted = Arrays.copyOf(ages, n);
        Arrays.sort(sorted);
        return new DatasetProfile(TRAIN_ROWS, List.of(
                numeric("age", sorted, missing, TRAIN_ROWS),
                new ColumnProfile("color", ColumnType.CATEGORICAL, TRAIN_ROWS, 0, counts.size(), null, null, null, null,
                        null, null, counts.entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue()))
                        .sorted((x, y) -> Long.compare(y.count(), x.count())).toList(), null, null)), List.of());
    }

    /** A numeric column profile as profiling writes it: type-7 quantiles and the {@link NumericHistogram}. */
    private static ColumnProfile numeric(String name, double[] sorted, long missing, long count) {
        String[] keys = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
        double[] levels = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
        Map<String, Double> q = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            double h = (sorted.length - 1) * levels[i];
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, sorted.length - 1);
            q.put(keys[i], sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]));
        }
        return new ColumnProfile(name, ColumnType.NUMERIC, count, missing, sorted.length, sorted[0],
                sorted[sorted.length - 1], null, null, q, NumericHistogram.of(sorted), List.of(), null, null);
    }

    /** The same profile as an artifact written before the histogram existed stores it: quantiles only. */
    private static ColumnProfile quantilesOnly(ColumnProfile p) {
        return new ColumnProfile(p.name(), p.type(), p.count(), p.missing(), p.distinct(), p.min(), p.max(), p.mean(),
                p.std(), p.quantiles(), null, p.topCategories(), p.datetimePattern(), p.note());
    }

    private DriftMonitor monitor() {
        return new DriftMonitor(profile, List.of("age", "color"), KNOWN, 1000, 100);
    }

    private static DriftReport feed(DriftMonitor monitor, Supplier<Row> rows, int n) {
        for (int i = 0; i < n; i++) {
            monitor.observe(rows.get());
        }
        return monitor.report();
    }

    private static FeatureDrift feature(DriftReport report, String name) {
        return report.features().stream().filter(f -> f.feature().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void streamFromTheTrainingDistributionDoesNotDrift() {
        DriftReport report = feed(monitor(), rows(new Random(2), 0, WEIGHTS), 3000);
        FeatureDrift age = feature(report, "age");
        FeatureDrift color = feature(report, "color");
        assertEquals("numeric", age.type());
        assertEquals(1000, age.windowCount());
        assertTrue(age.psi() < 0.1, "age psi " + age.psi());
        assertEquals("ok", age.status());
        assertNull(age.chiSquarePValue());
        assertEquals("categorical", color.type());
        assertTrue(color.psi() < 0.1, "color psi " + color.psi());
        assertTrue(color.chiSquarePValue() > 0.001, "p " + color.chiSquarePValue());
        assertEquals(0.0, color.unseenRate());
        assertEquals("ok", report.status());
        assertEquals(List.of(), report.drifting());
        assertEquals(3000, report.observed());
        assertEquals(Math.max(age.psi(), color.psi()), report.maxPsi());
    }

    @Test
    void numericShiftOfTwoStandardDeviationsIsMajor() {
        DriftReport report = feed(monitor(), rows(new Random(3), 20, WEIGHTS), 1000);
        FeatureDrift age = feature(report, "age");
        assertTrue(age.psi() > 0.25, "psi " + age.psi());
        assertEquals("major", age.status());
        assertEquals("ok", feature(report, "color").status());
        assertEquals(List.of("age"), report.drifting());
        assertEquals("major", report.status());
    }

    @Test
    void swappedCategoriesAreMajor() {
        FeatureDrift color = feature(feed(monitor(), rows(new Random(4), 0, SWAPPED), 1000), "color");
        assertTrue(color.psi() > 0.25, "psi " + color.psi());
        assertEquals("major", color.status());
        assertTrue(color.chiSquarePValue() < 1e-6, "p " + color.chiSquarePValue());
    }

    @Test
    void windowSlidesBackToNormal() {
        DriftMonitor monitor = monitor();
        feed(monitor, rows(new Random(5), 20, SWAPPED), 1000);
        DriftReport report = feed(monitor, rows(new Random(6), 0, WEIGHTS), 1000);
        assertEquals("ok", report.status(), "max psi " + report.maxPsi());
    }

    @Test
    void countsUnseenCategories() {
        Random random = new Random(7);
        Supplier<Row> normal = rows(random, 0, WEIGHTS);
        int[] i = {0};
        DriftReport report = feed(monitor(), () -> {
            Row r = normal.get();
            return i[0]++ % 5 == 0 ? Row.of(Map.of("age", r.get("age"), "color", "zz")) : r;
        }, 1000);
        FeatureDrift color = feature(report, "color");
        assertEquals(0.2, color.unseenRate(), 1e-12);
        assertTrue(color.psi() > 0.25, "unseen values fill the 'other' bin; psi " + color.psi());
    }

    @Test
    void unseenRateNeedsKnownCategories() {
        DriftMonitor monitor = new DriftMonitor(profile, List.of("color"), Map.of(), 1000, 100);
        assertNull(feature(feed(monitor, rows(new Random(8), 0, WEIGHTS), 200), "color").unseenRate());
    }

    @Test
    void smallWindowHasInsufficientData() {
        DriftReport report = feed(monitor(), rows(new Random(9), 20, SWAPPED), 99);
        FeatureDrift age = feature(report, "age");
        assertEquals("insufficient_data", age.status());
        assertNull(age.psi());
        assertEquals(99, age.windowCount());
        assertEquals("insufficient_data", report.status());
        assertNull(report.maxPsi());
        assertEquals(List.of(), report.drifting());
    }

    @Test
    void unparsableAndAbsentNumbersCountAsMissing() {
        DriftMonitor monitor = monitor();
        DriftReport report = feed(monitor, () -> Row.of(Map.of("age", "abc")), 500);
        assertEquals("major", feature(report, "age").status());
        assertEquals("major", feature(report, "color").status(), "absent column counts as missing");
        assertNull(feature(report, "color").unseenRate(), "no non-missing values to judge");
    }

    /** The drift of a stream of raw values against a one-feature profile, in a window that holds the whole stream. */
    private static FeatureDrift driftOf(ColumnProfile column, Set<String> known, List<String> stream) {
        DatasetProfile one = new DatasetProfile(column.count(), List.of(column), List.of());
        DriftMonitor monitor = new DriftMonitor(one, List.of(column.name()),
                known == null ? Map.of() : Map.of(column.name(), known), stream.size(), 1);
        stream.forEach(v -> monitor.observe(Row.of(Map.of(column.name(), v))));
        return feature(monitor.report(), column.name());
    }

    @Test
    void tiedQuantilesOfOldProfilesExpectThePointMass() {
        Random random = new Random(10);
        Supplier<String> zeroInflated = () -> random.nextDouble() < 0.6 ? "0" : Double.toString(
                1 + random.nextDouble() * 9);
        double[] train = new double[TRAIN_ROWS];
        for (int i = 0; i < TRAIN_ROWS; i++) {
            train[i] = Double.parseDouble(zeroInflated.get());
        }
        Arrays.sort(train);
        DatasetProfile zeros = new DatasetProfile(TRAIN_ROWS, List.of(quantilesOnly(numeric("x", train, 0, TRAIN_ROWS))),
                List.of());
        DriftMonitor monitor = new DriftMonitor(zeros, List.of("x"), Map.of(), 1000, 100);
        FeatureDrift x = feature(feed(monitor, () -> Row.of(Map.of("x", zeroInflated.get())), 1000), "x");
        assertTrue(x.psi() < 0.1, "psi " + x.psi());
    }

    @Test
    void heavilyTiedTrainingValuesGiveTheTrainingShares() {
        Random random = new Random(11);
        List<String> train = new ArrayList<>();
        for (int i = 0; i < TRAIN_ROWS; i++) {
            double u = random.nextDouble();
            train.add(u < 0.05 ? "" : u < 0.5 ? "4" : u < 0.55 ? "5" : u < 0.75 ? "6" : "8");
        }
        double[] sorted = train.stream().filter(v -> !v.isEmpty()).mapToDouble(Double::parseDouble).sorted().toArray();
        ColumnProfile cylinders = numeric("cylinders", sorted, TRAIN_ROWS - sorted.length, TRAIN_ROWS);
        FeatureDrift same = driftOf(cylinders, null, train);
        assertEquals(0.0, same.psi(), 1e-12, "the training values themselves");
        assertEquals(FeatureDrift.HISTOGRAM, same.reference());
        FeatureDrift old = driftOf(quantilesOnly(cylinders), null, train);
        assertTrue(old.psi() > same.psi(), "quantile-only profiles of old artifacts still monitor; psi " + old.psi());
        assertEquals(FeatureDrift.QUANTILES, old.reference());
        FeatureDrift moreEights = driftOf(cylinders, null, train.stream().map(v -> v.equals("4") ? "8" : v).toList());
        assertEquals("major", moreEights.status(), "psi " + moreEights.psi());
    }

    @Test
    void booleanWordsCompareAsThePipelineReadsThem() {
        ColumnProfile member = new ColumnProfile("member", ColumnType.BOOLEAN, 1000, 100, 3, null, null, null, null,
                null, null, List.of(new CategoryCount("True", 500), new CategoryCount("False", 300),
                new CategoryCount("true", 100)), null, null);
        List<String> stream = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            stream.add(i < 300 ? "TRUE" : i < 500 ? "true" : i < 600 ? "yes" : i < 800 ? "false" : i < 900 ? "0" : "");
        }
        Set<String> known = Set.of("True", "False");
        FeatureDrift drift = driftOf(member, known, stream);
        assertEquals(0.0, drift.psi(), 1e-12);
        assertEquals(0.0, drift.unseenRate());
        FeatureDrift flipped = driftOf(member, known, stream.stream().map(v -> v.equals("TRUE") ? "n" : v).toList());
        assertEquals("major", flipped.status(), "psi " + flipped.psi());
        assertEquals(0.0, flipped.unseenRate(), "'n' is a false word, not a new category");
        FeatureDrift odd = driftOf(member, known, stream.stream().map(v -> v.equals("TRUE") ? "maybe" : v).toList());
        assertEquals(300 / 900.0, odd.unseenRate(), 1e-12);
    }

    @Test
    void manifestMonitorWatchesFeaturesNotTheTarget() {
        Schema schema = new Schema(List.of(ColumnSpec.of("age", ColumnType.NUMERIC),
                ColumnSpec.of("color", ColumnType.CATEGORICAL), ColumnSpec.of("id", ColumnType.ID),
                ColumnSpec.of("target", ColumnType.NUMERIC)), "target", TaskType.REGRESSION, null);
        ModelManifest manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT, "m", 1, schema, profile, "rmse",
                null, List.of(), null, null, null);
        DriftReport report = feed(DriftMonitor.forManifest(manifest, KNOWN, 200), rows(new Random(12), 0, WEIGHTS),
                200);
        assertEquals(List.of("age", "color"), report.features().stream().map(FeatureDrift::feature).toList());
        assertEquals(200, report.windowSize());
        assertEquals(List.of(), report.unmonitored());
        assertTrue(report.maxPsi() != null, "min window is min(100, windowSize)");
        ModelManifest bare = new ModelManifest(ModelManifest.CURRENT_FORMAT, "m", 1, schema, null, "rmse", null,
                List.of(), null, null, null);
        assertEquals(List.of("age: not in the training profile", "color: not in the training profile"),
                DriftMonitor.forManifest(bare, null, 50).report().unmonitored());
    }

    @Test
    void listsFeaturesItCannotMonitor() {
        DriftMonitor monitor = new DriftMonitor(profile, List.of("age", "nope"), KNOWN, 10, 10);
        DriftReport report = monitor.report();
        assertEquals(List.of("nope: not in the training profile"), report.unmonitored());
        assertEquals(List.of("age"), report.features().stream().map(FeatureDrift::feature).toList());
        assertThrows(IllegalArgumentException.class, () -> new DriftMonitor(profile, List.of(), KNOWN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DriftMonitor(profile, List.of(), KNOWN, 10, 11));
    }
}
