package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.PointForecast;
import java.util.ArrayList;
import java.util.List;

/**
 * The spread of each horizon step from backtest residuals (in units of the series' scale): the
 * 80% and 95% quantiles of the absolute residuals of that step, each turned into a Gaussian
 * sigma ({@code q / z}) and averaged, so the intervals the ensemble combines match the empirical
 * quantiles. A step with fewer than {@link #MIN_COUNT} residuals pools the neighbouring steps
 * until it has enough; the result never shrinks with the step.
 */
final class StepSpread {
    static final int MIN_COUNT = 30;

    private StepSpread() {
    }

    /** One sigma per step from {@code residuals[step]} (lists of finite residuals); {@code null} when there are none. */
    static double[] sigmas(List<List<Double>> residuals) {
        int horizon = residuals.size();
        int total = residuals.stream().mapToInt(List::size).sum();
        if (total == 0) {
            return null;
        }
        double[] sigma = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            List<Double> pool = new ArrayList<>(residuals.get(h));
            for (int r = 1; pool.size() < Math.min(MIN_COUNT, total) && r < horizon; r++) {
                if (h - r >= 0) {
                    pool.addAll(residuals.get(h - r));
                }
                if (h + r < horizon) {
                    pool.addAll(residuals.get(h + r));
                }
            }
            double[] abs = pool.stream().mapToDouble(Math::abs).sorted().toArray();
            double s = (quantile(abs, 0.80) / PointForecast.z(0.80) + quantile(abs, 0.95) / PointForecast.z(0.95)) / 2;
            sigma[h] = Math.max(s, h > 0 ? sigma[h - 1] : 0);
        }
        return sigma;
    }

    /** The {@code p} quantile of sorted values, linear between order statistics. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Empty residual lists, one per step. */
    static List<List<Double>> empty(int horizon) {
        List<List<Double>> r = new ArrayList<>(horizon);
        for (int h = 0; h < horizon; h++) {
            r.add(new ArrayList<>());
        }
        return r;
    }

    /** {@code base} with every list of {@code extra} appended. */
    static List<List<Double>> merged(List<List<Double>> base, List<List<Double>> extra) {
        List<List<Double>> r = empty(base.size());
        for (int h = 0; h < base.size(); h++) {
            r.get(h).addAll(base.get(h));
            r.get(h).addAll(extra.get(h));
        }
        return r;
    }
}
