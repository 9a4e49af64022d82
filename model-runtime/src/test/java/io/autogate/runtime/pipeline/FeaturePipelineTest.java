package io.autogate.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.schema.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeaturePipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pipeline with every kind of transform, as a fitter could have produced it. */
    static FeaturePipeline everyKind() {
        return new FeaturePipeline(List.of(
                new NumericTransform("age", 40, true, new Scaling(38, 12)),
                new OneHotTransform("color", List.of("red", "blue"), List.of("mauve"), true),
                new OrdinalTransform("size", List.of("M", "L", "S")),
                new FrequencyTransform("city", new CategoryTable(List.of("Oslo", "Lima"),
                        new double[][] {{0.6}, {0.3}}), 0.1),
                new TargetEncodingTransform("city", new CategoryTable(List.of("Oslo", "Lima"),
                        new double[][] {{0.2, 0.7}, {0.5, 0.1}}), List.of(0.4, 0.3),
                        List.of(Scaling.identity(), new Scaling(0.3, 0.2)),
                        List.of("city_target_a", "city_target_b")),
                new BooleanTransform("member", "yes", "no", 1, true),
                new DateTimeTransform("joined", "dd/MM/yyyy", List.of(
                        new DatePartFeature(DatePart.YEAR, 2020, Scaling.identity()),
                        new DatePartFeature(DatePart.MONTH, 6, Scaling.identity()),
                        new DatePartFeature(DatePart.DAY_OF_MONTH, 15, Scaling.identity()),
                        new DatePartFeature(DatePart.DAY_OF_WEEK, 3, Scaling.identity()),
                        new DatePartFeature(DatePart.DAYS_SINCE_EPOCH, 18_000, new Scaling(18_000, 100))), true)));
    }

    static Row row(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return Row.of(m);
    }

    private static final List<Row> ROWS = List.of(
            row("age", "50", "color", "red", "size", "L", "city", "Oslo", "member", "YES", "joined", "01/02/2021"),
            row("age", " 26 ", "color", "mauve", "size", "XL", "city", "Quito", "member", "no", "joined", "29/02/2021"),
            row("age", "NA", "color", "", "size", "?", "city", "", "member", "", "joined", ""),
            row("age", "12abc", "color", "green", "size", "S", "city", "Lima", "member", "maybe", "joined", "2021-02-01"),
            row("unrelated", "x"));

    @Test
    void namesAndWidthFollowTheTransforms() {
        FeaturePipeline p = everyKind();
        assertEquals(List.of("age", "age_missing", "color=red", "color=blue", "color=__other__", "color=__missing__",
                "size", "city_freq", "city_target_a", "city_target_b", "member", "member_missing",
                "joined_year", "joined_month", "joined_day", "joined_day_of_week", "joined_days_since_epoch",
                "joined_missing"), p.featureNames());
        assertEquals(p.featureNames().size(), p.width());
        for (ColumnTransform t : p.transforms()) {
            assertEquals(t.outputNames().size(), t.width(), t.column());
        }
    }

    @Test
    void jsonRoundTripGivesIdenticalTransformsAndOutputs() throws Exception {
        FeaturePipeline p = everyKind();
        String json = JSON.writeValueAsString(p);
        assertTrue(json.contains("\"kind\":\"target_encoding\""), json);
        assertFalse(json.contains("featureNames") || json.contains("\"width\""), json);
        FeaturePipeline back = JSON.readValue(json, FeaturePipeline.class);
        assertEquals(p, back);
        assertEquals(json, JSON.writeValueAsString(back));
        for (Row r : ROWS) {
            assertArrayEquals(p.transform(r), back.transform(r), 0.0, r.toString());
        }
    }

    @Test
    void knownValuesAreEncoded() {
        double[] v = everyKind().transform(ROWS.get(0));
        assertArrayEquals(new double[] {(50 - 38) / 12.0, 0, 1, 0, 0, 0, 1, 0.6, 0.2, (0.7 - 0.3) / 0.2, 1, 0,
                2021, 2, 1, 1, (18_659 - 18_000) / 100.0, 0}, v, 1e-12);
    }

    @Test
    void missingValuesAreImputedAndFlagged() {
        double[] v = everyKind().transform(ROWS.get(2));
        assertArrayEquals(new double[] {(40 - 38) / 12.0, 1, 0, 0, 0, 1, OrdinalTransform.MISSING, 0.1, 0.4, (0.3 - 0.3) / 0.2,
                1, 1, 2020, 6, 15, 3, 0, 1}, v, 1e-12);
        // a row lacking every column is all-missing, not an error
        assertArrayEquals(v, everyKind().transform(ROWS.get(4)), 0.0);
    }

    @Test
    void unseenAndUnparseableValuesDoNotThrow() {
        double[] v = everyKind().transform(ROWS.get(1));
        assertEquals((26 - 38) / 12.0, v[0], 1e-12, "number with spaces");
        assertEquals(0, v[1]);
        assertExactly(new double[] {0, 0, 1, 0}, slice(v, 2, 4), "rare category goes to other");
        assertEquals(OrdinalTransform.UNSEEN, v[6]);
        assertEquals(0, v[7], "unseen frequency");
        assertArrayEquals(new double[] {0.4, 0}, slice(v, 8, 2), 1e-12, "unseen target encoding is the prior");
        assertExactly(new double[] {0, 0}, slice(v, 10, 2), "no -> 0");
        assertEquals(1, v[17], "29/02/2021 does not exist: missing");
        assertEquals(2020, v[12]);

        double[] w = everyKind().transform(ROWS.get(3));
        assertArrayEquals(new double[] {(40 - 38) / 12.0, 1}, slice(w, 0, 2), 1e-12, "12abc is missing");
        assertExactly(new double[] {0, 0, 0, 0}, slice(w, 2, 4), "unseen category is all zeros");
        assertEquals(2, w[6]);
        assertExactly(new double[] {1, 1}, slice(w, 10, 2), "'maybe' is imputed with the mode");
        assertEquals(1, w[17], "ISO value in a dd/MM/yyyy column is missing");
    }

    @Test
    void batchTransformEqualsRowTransform() {
        FeaturePipeline p = everyKind();
        double[][] batch = p.transform(ROWS);
        for (int i = 0; i < ROWS.size(); i++) {
            assertArrayEquals(p.transform(ROWS.get(i)), batch[i], 0.0);
        }
    }

    @Test
    void isoDateTimesExpandWithHour() {
        DateTimeTransform t = new DateTimeTransform("ts", null, List.of(
                new DatePartFeature(DatePart.YEAR, 2000, Scaling.identity()),
                new DatePartFeature(DatePart.DAY_OF_WEEK, 1, Scaling.identity()),
                new DatePartFeature(DatePart.HOUR, 12, Scaling.identity()),
                new DatePartFeature(DatePart.DAYS_SINCE_EPOCH, 0, Scaling.identity())), false);
        double[] out = new double[4];
        t.apply("2024-03-10T17:45:00", out, 0);
        assertArrayEquals(new double[] {2024, 7, 17, 19_792}, out, 0.0);
        t.apply("2024-03-10T17:45:00+02:00", out, 0);
        assertArrayEquals(new double[] {2024, 7, 17, 19_792}, out, 0.0);
        t.apply("2024-03-11", out, 0);
        assertArrayEquals(new double[] {2024, 1, 0, 19_793}, out, 0.0);
        t.apply("garbage", out, 0);
        assertArrayEquals(new double[] {2000, 1, 12, 0}, out, 0.0);
    }

    @Test
    void booleanWordsMapToOneAndZero() {
        BooleanTransform t = new BooleanTransform("b", "t", "f", 0, false);
        double[] out = new double[1];
        for (String s : List.of("T", " true ", "Yes", "1", "y")) {
            t.apply(s, out, 0);
            assertEquals(1, out[0], s);
        }
        for (String s : List.of("F", "false", "NO", "0", "n", "", "blue")) {
            t.apply(s, out, 0);
            assertEquals(0, out[0], s);
        }
    }

    @Test
    void invalidPartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Scaling(Double.NaN, 1));
        assertEquals(1, new Scaling(3, 0).std());
        assertThrows(IllegalArgumentException.class, () -> new CategoryTable(List.of("a", "a"), new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> new TargetEncodingTransform("c",
                new CategoryTable(List.of("a"), new double[][] {{1}}), List.of(0.5, 0.5),
                List.of(Scaling.identity()), List.of("c_target")));
    }

    private static double[] slice(double[] v, int from, int length) {
        return java.util.Arrays.copyOfRange(v, from, from + length);
    }

    private static void assertExactly(double[] expected, double[] actual, String message) {
        assertArrayEquals(expected, actual, 0.0, message);
    }
}
