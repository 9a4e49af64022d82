package io.autogate.engine.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.pipeline.BooleanTransform;
import io.autogate.runtime.pipeline.ColumnTransform;
import io.autogate.runtime.pipeline.DateTimeTransform;
import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.pipeline.FrequencyTransform;
import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.pipeline.OneHotTransform;
import io.autogate.runtime.pipeline.OrdinalTransform;
import io.autogate.runtime.pipeline.TargetEncodingTransform;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PipelineFitterTest {
    private static final List<String> YES_NO = List.of("no", "yes");

    /** A small mixed table: numeric, low- and high-cardinality categorical, boolean, ids and a datetime. */
    private static final Schema MIXED = new Schema(List.of(
            ColumnSpec.of("id", ColumnType.ID),
            ColumnSpec.of("x", ColumnType.NUMERIC),
            ColumnSpec.of("color", ColumnType.CATEGORICAL),
            ColumnSpec.of("city", ColumnType.CATEGORICAL),
            ColumnSpec.of("member", ColumnType.BOOLEAN),
            new ColumnSpec("day", ColumnType.DATETIME, "dd/MM/yyyy"),
            ColumnSpec.of("note", ColumnType.TEXT)), "label", TaskType.BINARY, YES_NO);

    private static Row row(Object... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1] == null ? null : keyValues[i + 1].toString());
        }
        return Row.of(m);
    }

    private static List<Row> mixedRows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < n; i++) {
            rows.add(row("id", i,
                    "x", i % 10 == 0 ? "NA" : " " + r.nextInt(100) + " ",
                    "color", i % 17 == 0 ? "" : colors[r.nextInt(3)],
                    "city", "c" + r.nextInt(40),
                    "member", i % 3 == 0 ? "Yes" : "No",
                    "day", String.format("%02d/%02d/%d", 1 + r.nextInt(28), 1 + r.nextInt(12), 2000 + r.nextInt(20)),
                    "note", "free text " + i));
        }
        return rows;
    }

    private static double[] binaryTargets(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
        }
        return y;
    }

    private static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void treePipelineUsesOrdinalFrequencyAndTargetEncoding() {
        List<Row> rows = mixedRows(300, 1);
        FittedPipeline f = PipelineFitter.fit(MIXED, rows, binaryTargets(300, 2), PipelineOptions.forTrees(), 7);
        List<ColumnTransform> t = f.pipeline().transforms();
        assertEquals(List.of(NumericTransform.class, OrdinalTransform.class, FrequencyTransform.class,
                TargetEncodingTransform.class, BooleanTransform.class, DateTimeTransform.class),
                t.stream().map(Object::getClass).toList());
        assertEquals(List.of("x", "x_missing", "color", "city_freq", "city_target", "member",
                "day_year", "day_month", "day_day", "day_day_of_week", "day_days_since_epoch"),
                f.pipeline().featureNames());
        assertEquals(300, f.trainFeatures().length);
        assertEquals(f.pipeline().width(), f.trainFeatures()[0].length);
        // ordinal codes: missing -1, unseen -2, known 0..2
        assertEquals(-1, f.pipeline().transform(rows.get(0))[2]);
        assertEquals(-2, f.pipeline().transform(row("color", "purple"))[2]);
    }

    @Test
    void scaledPipelineUsesOneHotAndStandardisedTargetEncoding() {
        List<Row> rows = mixedRows(300, 1);
        FittedPipeline f = PipelineFitter.fit(MIXED, rows, binaryTargets(300, 2), PipelineOptions.forScaled(), 7);
        List<String> names = f.pipeline().featureNames();
        assertEquals(List.of(NumericTransform.class, OneHotTransform.class, TargetEncodingTransform.class,
                BooleanTransform.class, DateTimeTransform.class),
                f.pipeline().transforms().stream().map(Object::getClass).toList());
        assertTrue(names.containsAll(List.of("color=red", "color=green", "color=blue", "color=__missing__")), names.toString());
        assertFalse(names.contains("city_freq"));
        for (String scaled : List.of("x", "city_target", "day_year", "day_month", "day_days_since_epoch")) {
            double[] c = column(f.trainFeatures(), names.indexOf(scaled));
            double mean = java.util.Arrays.stream(c).average().orElseThrow();
            double var = java.util.Arrays.stream(c).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
            assertEquals(0, mean, 1e-9, scaled);
            assertEquals(1, Math.sqrt(var), 1e-9, scaled);
        }
        double[] unseen = f.pipeline().transform(row("color", "purple"));
        for (int j = 0; j < names.size(); j++) {
            if (names.get(j).startsWith("color=")) {
                assertEquals(0, unseen[j], names.get(j));
            }
        }
    }

    @Test
    void missingValuesAreImputedWithIndicators() {
        Schema s = new Schema(List.of(ColumnSpec.of("x", ColumnType.NUMERIC), ColumnSpec.of("b", ColumnType.BOOLEAN),
                ColumnSpec.of("full", ColumnType.NUMERIC)), "y", TaskType.REGRESSION, null);
        List<Row> rows = List.of(
                row("x", "1", "b", "t", "full", "5"),
                row("x", " 2 ", "b", "", "full", "6"),
                row("x", "NA", "b", "t", "full", "7"),
                row("x", "oops", "b", "f", "full", "8"),
                row("x", "10", "b", "T", "full", "9"));
        FittedPipeline f = PipelineFitter.fit(s, rows, new double[] {1, 2, 3, 4, 5}, PipelineOptions.forTrees(), 1);
        assertEquals(List.of("x", "x_missing", "b", "b_missing", "full"), f.pipeline().featureNames());
        assertArrayEquals(new double[] {1, 0, 1, 0, 5}, f.trainFeatures()[0]);
        assertArrayEquals(new double[] {2, 0, 1, 1, 6}, f.trainFeatures()[1], "missing boolean gets the mode");
        assertArrayEquals(new double[] {2, 1, 1, 0, 7}, f.trainFeatures()[2], "median of 1, 2, 10");
        assertArrayEquals(new double[] {2, 1, 0, 0, 8}, f.trainFeatures()[3]);
        // prediction-time missing in a column that had none: imputed, no indicator exists
        assertArrayEquals(new double[] {2, 1, 1, 1, 7}, f.pipeline().transform(row("x", "?")));
    }

    @Test
    void datetimeColumnsExpandForIsoAndDayFirstPatterns() {
        Schema s = new Schema(List.of(ColumnSpec.of("iso", ColumnType.DATETIME),
                new ColumnSpec("dmy", ColumnType.DATETIME, "dd/MM/yyyy")), "y", TaskType.REGRESSION, null);
        List<Row> rows = List.of(
                row("iso", "2024-01-15T08:30:00", "dmy", "31/12/2023"),
                row("iso", "2024-01-16T20:00:00", "dmy", "01/02/2024"),
                row("iso", "2024-01-17T09:00:00", "dmy", ""),
                row("iso", "2024-01-18", "dmy", "13/01/2024"));
        FittedPipeline f = PipelineFitter.fit(s, rows, new double[] {1, 2, 3, 4}, PipelineOptions.forTrees(), 1);
        assertEquals(List.of("iso_year", "iso_month", "iso_day", "iso_day_of_week", "iso_hour", "iso_days_since_epoch",
                "dmy_year", "dmy_month", "dmy_day", "dmy_day_of_week", "dmy_days_since_epoch", "dmy_missing"),
                f.pipeline().featureNames());
        assertArrayEquals(new double[] {2024, 1, 15, 1, 8, 19_737, 2023, 12, 31, 7, 19_722, 0}, f.trainFeatures()[0]);
        // missing dmy: median of each part over 31/12/2023, 01/02/2024, 13/01/2024, plus the indicator
        assertArrayEquals(new double[] {2024, 1, 17, 3, 9, 19_739, 2024, 2, 13, 6, 19_735, 1}, f.trainFeatures()[2]);
        assertArrayEquals(f.trainFeatures()[3], f.pipeline().transform(rows.get(3)));
    }

    @Test
    void crossFittedTargetEncodingDoesNotLeakTheTrainingTarget() {
        int n = 2000;
        Schema s = new Schema(List.of(ColumnSpec.of("key", ColumnType.CATEGORICAL)), "y", TaskType.BINARY, YES_NO);
        double[] y = binaryTargets(n, 3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row("key", "k" + i + "_" + (int) y[i])); // unique per row: pure noise keyed to the target
        }
        FittedPipeline f = PipelineFitter.fit(s, rows, y, PipelineOptions.forTrees(), 11);
        int target = f.pipeline().featureNames().indexOf("key_target");
        double outOfFold = correlation(column(f.trainFeatures(), target), y);
        double fullFit = correlation(column(f.pipeline().transform(rows), target), y);
        assertTrue(Math.abs(outOfFold) < 0.1, "out-of-fold correlation " + outOfFold);
        assertTrue(fullFit > 0.99, "a naive full-fit encoding would leak: " + fullFit);
    }

    @Test
    void targetEncodingOfAnInformativeColumnKeepsItsSignal() {
        int n = 3000;
        Schema s = new Schema(List.of(ColumnSpec.of("g", ColumnType.CATEGORICAL)), "y", TaskType.MULTICLASS,
                List.of("a", "b", "c"));
        SplittableRandom r = new SplittableRandom(5);
        List<Row> rows = new ArrayList<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int g = r.nextInt(50);
            y[i] = r.nextDouble() < 0.8 ? g % 3 : r.nextInt(3);
            rows.add(row("g", "g" + g));
        }
        FittedPipeline f = PipelineFitter.fit(s, rows, y, PipelineOptions.forTrees(), 5);
        List<String> names = f.pipeline().featureNames();
        assertEquals(List.of("g_freq", "g_target_a", "g_target_b", "g_target_c"), names);
        double[] isA = java.util.Arrays.stream(y).map(v -> v == 0 ? 1 : 0).toArray();
        assertTrue(correlation(column(f.trainFeatures(), 1), isA) > 0.6);
        double[] unseen = f.pipeline().transform(row("g", "never"));
        assertEquals(0, unseen[0]);
        assertEquals(1, unseen[1] + unseen[2] + unseen[3], 1e-9, "priors sum to 1");
    }

    @Test
    void regressionTargetEncodingIsTheSmoothedMean() {
        Schema s = new Schema(List.of(ColumnSpec.of("g", ColumnType.CATEGORICAL)), "y", TaskType.REGRESSION, null);
        List<Row> rows = new ArrayList<>();
        double[] y = new double[26];
        for (int i = 0; i < 26; i++) {
            rows.add(row("g", "g" + (i % 13))); // each of 13 groups holds one 0 and one 26
            y[i] = i < 13 ? 0 : 26;
        }
        FittedPipeline f = PipelineFitter.fit(s, rows, y, new PipelineOptions(false, 5), 3);
        double[] v = f.pipeline().transform(row("g", "g0"));
        // g0 holds y = 0 and 26: mean 13 = prior, so the m-estimate is 13 as well
        assertEquals(13, v[1], 1e-9);
        assertEquals(13, f.pipeline().transform(row("g", ""))[1], 1e-9);
        assertEquals(2.0 / 26, v[0], 1e-12);
    }

    @Test
    void fittedPipelineRoundTripsThroughJsonAndIsDeterministic() throws Exception {
        List<Row> rows = mixedRows(200, 9);
        double[] y = binaryTargets(200, 9);
        for (PipelineOptions o : List.of(PipelineOptions.forTrees(), PipelineOptions.forScaled())) {
            FittedPipeline a = PipelineFitter.fit(MIXED, rows, y, o, 42);
            FittedPipeline b = PipelineFitter.fit(MIXED, rows, y, o, 42);
            ObjectMapper json = new ObjectMapper();
            String text = json.writeValueAsString(a.pipeline());
            assertEquals(text, json.writeValueAsString(b.pipeline()));
            assertArrayEquals(a.trainFeatures(), b.trainFeatures());
            FeaturePipeline back = json.readValue(text, FeaturePipeline.class);
            assertEquals(a.pipeline(), back);
            assertArrayEquals(a.pipeline().transform(rows), back.transform(rows));
        }
    }

    @Test
    void rejectsInvalidTargets() {
        List<Row> rows = mixedRows(3, 1);
        assertThrows(IllegalArgumentException.class,
                () -> PipelineFitter.fit(MIXED, rows, new double[] {0, 1}, PipelineOptions.forTrees(), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineFitter.fit(MIXED, rows, new double[] {0, 1, 2}, PipelineOptions.forTrees(), 1));
        assertTrue(e.getMessage().contains("target 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PipelineFitter.fit(MIXED, List.of(), new double[0], PipelineOptions.forTrees(), 1));
    }

    @Test
    void allMissingColumnsAndASingleRowStillFit() {
        Schema s = new Schema(List.of(ColumnSpec.of("n", ColumnType.NUMERIC), ColumnSpec.of("c", ColumnType.CATEGORICAL),
                ColumnSpec.of("b", ColumnType.BOOLEAN), ColumnSpec.of("d", ColumnType.DATETIME)), "y", TaskType.BINARY, YES_NO);
        Row empty = row("n", "", "c", "NA", "b", null, "d", "?");
        for (PipelineOptions o : List.of(PipelineOptions.forTrees(), PipelineOptions.forScaled())) {
            FittedPipeline one = PipelineFitter.fit(s, List.of(empty), new double[] {1}, o, 1);
            assertEquals(one.pipeline().width(), one.trainFeatures()[0].length);
            assertArrayEquals(one.pipeline().transform(empty), one.trainFeatures()[0]);
            assertTrue(java.util.Arrays.stream(one.pipeline().transform(row("n", "5", "c", "new", "b", "yes", "d", "2020-01-01")))
                    .allMatch(Double::isFinite));
        }
    }

    @Test
    void ignoresNonFeatureColumnsAndTheTarget() {
        Schema s = new Schema(List.of(ColumnSpec.of("id", ColumnType.ID), ColumnSpec.of("c", ColumnType.CONSTANT),
                ColumnSpec.of("y", ColumnType.NUMERIC), ColumnSpec.of("x", ColumnType.NUMERIC)), "y", TaskType.REGRESSION, null);
        List<Row> rows = List.of(row("id", 1, "c", "k", "y", 3, "x", 4), row("id", 2, "c", "k", "y", 5, "x", 6));
        FittedPipeline f = PipelineFitter.fit(s, rows, new double[] {3, 5}, PipelineOptions.forScaled(), 1);
        assertEquals(List.of("x"), f.pipeline().featureNames());
        assertInstanceOf(NumericTransform.class, f.pipeline().transforms().get(0));
    }
}
