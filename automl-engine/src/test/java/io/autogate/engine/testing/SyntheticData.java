package io.autogate.engine.testing;

import io.autogate.engine.data.Dataset;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small generated datasets for engine tests that need no file. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** A binary dataset: class 1 when x1 + x2 plus noise is positive. */
    public static Dataset binary(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Schema schema = new Schema(List.of(ColumnSpec.of("x1", ColumnType.NUMERIC), ColumnSpec.of("x2", ColumnType.NUMERIC)),
                "y", TaskType.BINARY, List.of("no", "yes"));
        Map<String, Integer> index = Row.index(List.of("x1", "x2"));
        List<Row> list = new ArrayList<>();
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double a = rng.nextDouble() * 2 - 1;
            double b = rng.nextDouble() * 2 - 1;
            list.add(Row.of(index, new String[] {Double.toString(a), Double.toString(b)}));
            y[i] = a + b + (rng.nextDouble() - 0.5) * 0.5 > 0 ? 1 : 0;
        }
        return new Dataset(schema, list, y, new DatasetProfile(rows, List.of(), List.of()), "synthetic");
    }
}
