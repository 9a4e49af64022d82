package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.PointForecast;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates forecast errors over windows and series: MASE (mean absolute error over the
 * in-sample seasonal-naive MAE of the window's training part, averaged per window), sMAPE (in
 * percent, averaged per point), RMSE (pooled) and the share of actuals inside the 80% and 95%
 * intervals.
 */
public final class ForecastScores {
    private double maseSum;
    private int windows;
    private double smapeSum;
    private double squared;
    private int points;
    private int inside80;
    private int inside95;

    /** Adds one window: the forecast, the actual values and the MASE scale. */
    public void add(PointForecast f, double[] actual, double scale) {
        double abs = 0;
        for (int h = 0; h < actual.length; h++) {
            double e = actual[h] - f.mean()[h];
            abs += Math.abs(e);
            double denominator = Math.abs(actual[h]) + Math.abs(f.mean()[h]);
            smapeSum += denominator == 0 ? 0 : 200 * Math.abs(e) / denominator;
            squared += e * e;
            points++;
            if (actual[h] >= f.lower(h, 0.80) && actual[h] <= f.upper(h, 0.80)) {
                inside80++;
            }
            if (actual[h] >= f.lower(h, 0.95) && actual[h] <= f.upper(h, 0.95)) {
                inside95++;
            }
        }
        maseSum += abs / actual.length / scale;
        windows++;
    }

    /** Windows added so far. */
    public int windows() {
        return windows;
    }

    /** Mean MASE over the windows ({@code +inf} when none). */
    public double mase() {
        return windows == 0 ? Double.POSITIVE_INFINITY : maseSum / windows;
    }

    /** The figures by name: mase, smape, rmse, coverage_80, coverage_95, windows. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mase", mase());
        m.put("smape", points == 0 ? Double.NaN : smapeSum / points);
        m.put("rmse", points == 0 ? Double.NaN : Math.sqrt(squared / points));
        m.put("coverage_80", points == 0 ? Double.NaN : inside80 / (double) points);
        m.put("coverage_95", points == 0 ? Double.NaN : inside95 / (double) points);
        m.put("windows", (double) windows);
        return m;
    }

    /**
     * The MASE scale of a training part: the mean absolute seasonal difference (lag m, or lag 1
     * when the part is not longer than m); {@code NaN} when the part is constant.
     */
    public static double scale(double[] y, int length, int period) {
        int m = length > period && period > 1 ? period : 1;
        double sum = 0;
        for (int t = m; t < length; t++) {
            sum += Math.abs(y[t] - y[t - m]);
        }
        double s = length > m ? sum / (length - m) : Double.NaN;
        return s > 0 ? s : Double.NaN;
    }
}
