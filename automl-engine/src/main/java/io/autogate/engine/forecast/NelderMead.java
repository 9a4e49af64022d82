package io.autogate.engine.forecast;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation (Nelder and Mead 1965, standard coefficients 1, 2, 0.5, 0.5).
 * An infinite or {@code NaN} objective counts as worse than any finite value. Stops after
 * {@code maxEvaluations}, when the simplex's values agree within {@code tolerance}, or throws
 * {@link SlotExpiredException} when the fitting thread is interrupted (its time slot ran out).
 */
final class NelderMead {
    private NelderMead() {
    }

    /** The best point found and its value. */
    record Minimum(double[] point, double value) {
    }

    static Minimum minimize(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations, double tolerance) {
        int n = start.length;
        double[][] x = new double[n + 1][];
        double[] fx = new double[n + 1];
        x[0] = start.clone();
        fx[0] = value(f, x[0]);
        for (int i = 0; i < n; i++) {
            x[i + 1] = start.clone();
            x[i + 1][i] += step;
            fx[i + 1] = value(f, x[i + 1]);
        }
        int evaluations = n + 1;
        while (evaluations < maxEvaluations) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SlotExpiredException();
            }
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(fx[a], fx[b]));
            double[][] xs = new double[n + 1][];
            double[] fs = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                xs[i] = x[order[i]];
                fs[i] = fx[order[i]];
            }
            System.arraycopy(xs, 0, x, 0, n + 1);
            System.arraycopy(fs, 0, fx, 0, n + 1);
            if (Math.abs(fx[n] - fx[0]) <= tolerance * (Math.abs(fx[0]) + 1e-12)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += x[i][j] / n;
                }
            }
            double[] reflected = along(centroid, x[n], -1);
            double fr = value(f, reflected);
            evaluations++;
            if (fr < fx[0]) {
                double[] expanded = along(centroid, x[n], -2);
                double fe = value(f, expanded);
                evaluations++;
                if (fe < fr) {
                    x[n] = expanded;
                    fx[n] = fe;
                } else {
                    x[n] = reflected;
                    fx[n] = fr;
                }
            } else if (fr < fx[n - 1]) {
                x[n] = reflected;
                fx[n] = fr;
            } else {
                double[] contracted = fr < fx[n] ? along(centroid, x[n], -0.5) : along(centroid, x[n], 0.5);
                double fc = value(f, contracted);
                evaluations++;
                if (fc < Math.min(fr, fx[n])) {
                    x[n] = contracted;
                    fx[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            x[i][j] = x[0][j] + 0.5 * (x[i][j] - x[0][j]);
                        }
                        fx[i] = value(f, x[i]);
                    }
                    evaluations += n;
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (fx[i] < fx[best]) {
                best = i;
            }
        }
        return new Minimum(x[best], fx[best]);
    }

    /** {@code centroid + t * (worst - centroid)}. */
    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] p = new double[centroid.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = centroid[j] + t * (worst[j] - centroid[j]);
        }
        return p;
    }

    private static double value(ToDoubleFunction<double[]> f, double[] p) {
        double v = f.applyAsDouble(p);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
