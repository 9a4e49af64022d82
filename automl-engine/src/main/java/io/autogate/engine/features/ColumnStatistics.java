package io.autogate.engine.features;

import io.autogate.runtime.pipeline.Scaling;
import java.util.Arrays;

/** Medians and standardisations of training values, as the column fitters need them. */
final class ColumnStatistics {
    private ColumnStatistics() {
    }

    /** Median of the non-NaN values, 0 when there are none. */
    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return 0;
        }
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /**
     * The standardisation of these values (population standard deviation, two passes); a spread
     * that is zero up to rounding counts as zero, so a constant column maps to 0.
     */
    static Scaling standardisation(double[] values) {
        if (values.length == 0) {
            return Scaling.identity();
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / values.length);
        if (!(std > 1e-12 * Math.max(1, Math.abs(mean)))) {
            std = 0;
        }
        return new Scaling(mean, std);
    }

    /** Scaling of these values: standardisation when {@code scale}, otherwise the identity. */
    static Scaling scalingOf(double[] values, boolean scale) {
        return scale ? standardisation(values) : Scaling.identity();
    }
}
