package io.autogate.engine.features;

import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.pipeline.RawValues;

/** Fits a {@link NumericTransform}: median imputation, missing indicator, optional scaling. */
final class NumericColumnFitter {
    private NumericColumnFitter() {
    }

    static NumericTransform fit(String column, String[] raw, boolean scale) {
        double[] v = new double[raw.length];
        boolean anyMissing = false;
        for (int i = 0; i < raw.length; i++) {
            v[i] = RawValues.number(raw[i]);
            anyMissing |= Double.isNaN(v[i]);
        }
        double median = ColumnStatistics.median(v);
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = median;
            }
        }
        return new NumericTransform(column, median, anyMissing, ColumnStatistics.scalingOf(v, scale));
    }
}
