package io.autogate.engine.robustness;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.ingest.NumericText;
import io.autogate.runtime.schema.Row;

/** Raw column values of a dataset read as numbers, {@code NaN} where missing or not a number. */
final class ColumnValues {
    private ColumnValues() {
    }

    /** The column's values, one per row. */
    static double[] numbers(Dataset data, String column) {
        double[] out = new double[data.size()];
        for (int i = 0; i < out.length; i++) {
            String raw = data.rows().get(i).get(column);
            out[i] = Row.isMissing(raw) ? Double.NaN : NumericText.parse(raw.strip());
        }
        return out;
    }

    /** The standard deviation of the finite values at {@code rows}, 0 when fewer than two. */
    static double spread(double[] values, int[] rows) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i : rows) {
            if (Double.isFinite(values[i])) {
                sum += values[i];
                squares += values[i] * values[i];
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)));
    }
}
