package io.autogate.engine.robustness;

import io.autogate.engine.data.Dataset;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A regression dataset with known shifts: {@code site} (a, b, c; row i is in site i % 3),
 * {@code year} (2000 + i / 20), {@code signal} (uniform in [0, 10), the target's driver),
 * {@code noise} (uniform, unrelated) and {@code kind} (categorical, p or q). The target is
 * {@code 2 * signal} in sites a and b and {@code 2 * signal + offset} in site c; the two-class
 * variant's target is 1 in site c and {@code signal > 5} elsewhere.
 */
final class ShiftData {
    private ShiftData() {
    }

    static Dataset regression(int rows, double siteCOffset, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> header = List.of("site", "year", "signal", "noise", "kind");
        Schema schema = new Schema(List.of(ColumnSpec.of("site", ColumnType.CATEGORICAL), ColumnSpec.of("year", ColumnType.NUMERIC),
                ColumnSpec.of("signal", ColumnType.NUMERIC), ColumnSpec.of("noise", ColumnType.NUMERIC),
                ColumnSpec.of("kind", ColumnType.CATEGORICAL)), "y", TaskType.REGRESSION, List.of());
        Map<String, Integer> index = Row.index(header);
        List<Row> list = new ArrayList<>();
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            String site = String.valueOf((char) ('a' + i % 3));
            double signal = rng.nextDouble() * 10;
            double noise = rng.nextDouble();
            list.add(Row.of(index, new String[] {site, String.valueOf(2000 + i / 20), String.format(Locale.ROOT, "%.6f", signal),
                String.format(Locale.ROOT, "%.6f", noise), rng.nextBoolean() ? "p" : "q"}));
            y[i] = 2 * signal + (site.equals("c") ? siteCOffset : 0);
        }
        return new Dataset(schema, list, y, new DatasetProfile(rows, List.of(), List.of()), "shift-data");
    }

    static Dataset binary(int rows, long seed) {
        Dataset numeric = regression(rows, 0, seed);
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            boolean siteC = numeric.rows().get(i).get("site").equals("c");
            y[i] = siteC || Double.parseDouble(numeric.rows().get(i).get("signal")) > 5 ? 1 : 0;
        }
        Schema schema = new Schema(numeric.schema().columns(), "y", TaskType.BINARY, List.of("no", "yes"));
        return new Dataset(schema, numeric.rows(), y, numeric.profile(), "shift-data-binary");
    }
}
