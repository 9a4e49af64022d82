package io.autogate.runtime.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.schema.ColumnType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericHistogramTest {
    /** Iris petal widths (cm): 22 distinct values over 150 rows, 0.2 alone in 29 of them. */
    private static final double[] PETAL_WIDTH = petalWidths();

    private static double[] petalWidths() {
        double[] values = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1,
            2.2, 2.3, 2.4, 2.5};
        int[] times = {5, 29, 7, 7, 1, 1, 7, 3, 5, 13, 8, 12, 4, 2, 12, 5, 6, 6, 3, 8, 3, 3};
        double[] out = new double[150];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            for (int t = 0; t < times[i]; t++) {
                out[n++] = values[i];
            }
        }
        assertEquals(150, n);
        return out;
    }

    @Test
    void tiedValuesKeepTheirWholeWeightInOneBin() {
        NumericHistogram h = NumericHistogram.of(PETAL_WIDTH);
        assertEquals(150, h.total());
        assertEquals(34, h.counts().get(h.bin(0.2)), "0.1 and 0.2 share the first bin, all 34 rows of them");
        assertEquals(h.bin(0.1), h.bin(0.2));
        long[] recount = new long[h.counts().size()];
        for (double v : PETAL_WIDTH) {
            recount[h.bin(v)]++;
        }
        assertEquals(h.counts(), Arrays.stream(recount).boxed().toList(), "bin() gives the stored counts back");
        for (double edge : h.edges()) {
            assertTrue(Arrays.stream(PETAL_WIDTH).anyMatch(v -> v == edge), "edge " + edge + " is a training value");
        }
        assertTrue(h.counts().stream().allMatch(c -> c > 0), "no empty bin: " + h.counts());
        assertTrue(h.edges().size() >= 6 && h.edges().size() < NumericHistogram.TARGET_BINS, h.edges().toString());
    }

    @Test
    void binsAreRightClosedWithAnOpenTopBin() {
        NumericHistogram h = new NumericHistogram(List.of(1.0, 2.0), List.of(1L, 1L, 1L));
        assertEquals(0, h.bin(-5));
        assertEquals(0, h.bin(1.0));
        assertEquals(1, h.bin(Math.nextUp(1.0)));
        assertEquals(1, h.bin(2.0));
        assertEquals(2, h.bin(2.5));
        assertEquals(NumericHistogram.bin(List.of(1.0, 2.0), 2.0), h.bin(2.0));
    }

    @Test
    void evenSpreadGetsDecilesAndAConstantGetsOneBin() {
        double[] hundred = new double[100];
        Arrays.setAll(hundred, i -> i + 1);
        NumericHistogram even = NumericHistogram.of(hundred);
        assertEquals(List.of(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0), even.edges());
        assertEquals(List.of(10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L), even.counts());
        NumericHistogram constant = NumericHistogram.of(new double[] {3, 3, 3});
        assertEquals(List.of(), constant.edges());
        assertEquals(List.of(3L), constant.counts());
        NumericHistogram binary = NumericHistogram.of(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1});
        assertEquals(List.of(0.0), binary.edges());
        assertEquals(List.of(7L, 3L), binary.counts());
    }

    @Test
    void rejectsInconsistentHistograms() {
        assertThrows(IllegalArgumentException.class, () -> NumericHistogram.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new NumericHistogram(List.of(1.0), List.of(1L)));
        assertThrows(IllegalArgumentException.class, () -> new NumericHistogram(List.of(2.0, 1.0),
                List.of(1L, 1L, 1L)));
        assertThrows(IllegalArgumentException.class, () -> new NumericHistogram(List.of(Double.NaN),
                List.of(1L, 1L)));
        assertThrows(IllegalArgumentException.class, () -> new NumericHistogram(List.of(1.0), List.of(1L, -1L)));
    }

    @Test
    void storedProfilesRoundTripAndOldOnesWithoutHistogramStillLoad() throws Exception {
        ObjectMapper json = ManifestJson.mapper();
        ColumnProfile profile = new ColumnProfile("petal_width", ColumnType.NUMERIC, 150, 0, 22, 0.1, 2.5, 1.2, 0.76,
                Map.of("p50", 1.3), NumericHistogram.of(PETAL_WIDTH), List.of(), null, null);
        assertEquals(profile, json.readValue(json.writeValueAsString(profile), ColumnProfile.class));
        String old = """
                {"name":"petal_width","type":"NUMERIC","count":150,"missing":0,"distinct":22,"min":0.1,"max":2.5,
                 "mean":1.2,"std":0.76,"quantiles":{"p50":1.3},"topCategories":[],"datetimePattern":null,"note":null}
                """;
        ColumnProfile loaded = json.readValue(old, ColumnProfile.class);
        assertNull(loaded.histogram());
        assertEquals(1.3, loaded.quantiles().get("p50"));
    }
}
