package io.autogate.engine.robustness;

import io.autogate.runtime.schema.TaskType;

/**
 * How strongly a numeric feature goes with the target, in [0, 1]: the absolute Pearson
 * correlation for regression and binary targets, the correlation ratio (eta) across classes for
 * multiclass. Rows with a missing value are skipped. Used to pick the features whose tails are
 * held out.
 */
final class TargetAssociation {
    private TargetAssociation() {
    }

    static double of(double[] x, double[] y, TaskType task, int classes) {
        return task == TaskType.MULTICLASS ? eta(x, y, classes) : Math.abs(pearson(x, y));
    }

    private static double pearson(double[] x, double[] y) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                sx += x[i];
                sy += y[i];
                sxx += x[i] * x[i];
                syy += y[i] * y[i];
                sxy += x[i] * y[i];
                n++;
            }
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return n < 2 || vx <= 0 || vy <= 0 ? 0 : (sxy - sx * sy / n) / Math.sqrt(vx * vy);
    }

    private static double eta(double[] x, double[] y, int classes) {
        double[] sum = new double[classes];
        int[] count = new int[classes];
        double total = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                sum[(int) y[i]] += x[i];
                count[(int) y[i]]++;
                total += x[i];
                squares += x[i] * x[i];
                n++;
            }
        }
        double ssTotal = squares - total * total / n;
        if (n < 2 || ssTotal <= 0) {
            return 0;
        }
        double ssBetween = 0;
        for (int c = 0; c < classes; c++) {
            if (count[c] > 0) {
                ssBetween += sum[c] * sum[c] / count[c];
            }
        }
        ssBetween -= total * total / n;
        return Math.sqrt(Math.max(0, Math.min(1, ssBetween / ssTotal)));
    }
}
