package io.autogate.engine.forecast;

import io.autogate.runtime.forecast.ArimaModel;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.ForecastModel;
import io.autogate.runtime.forecast.RegularSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Automatic (seasonal) ARIMA after Hyndman and Khandakar's stepwise auto.arima: d by repeated
 * KPSS, D by seasonal strength, then from the best of (2,d,2)(1,D,1), (0,d,0)(0,D,0),
 * (1,d,0)(1,D,0), (0,d,1)(0,D,1) the neighbours (P±1, Q±1, p±1, q±1, pairs, constant on/off) are
 * tried until none lowers the AICc or {@link #MAX_MODELS} were fitted. Coefficients minimise the
 * conditional sum of squares (Nelder-Mead); a fit with an AR root or MA root inside the unit
 * circle (tested by the Levinson step-down) is rejected. Orders are capped at p, q ≤ 3 and
 * P, Q ≤ 1 (auto.arima: 5 and 2) to fit the time budget; a season is used only when 2 ≤ m ≤ 52.
 * Backtest windows after a series' first keep the order found there and re-estimate the
 * coefficients ({@link #refit(ArimaModel, double[], int)}); the final model searches afresh.
 */
final class ArimaFamily implements ForecastFamily {
    static final int MAX_MODELS = 40;
    private static final int MAX_PQ = 3;
    private static final int MAX_SEASONAL = 1;

    @Override
    public String id() {
        return "arima";
    }

    @Override
    public int minLength(int period) {
        return 8;
    }

    private record Order(int p, int q, int sp, int sq, boolean constant) {
    }

    @Override
    public ArimaModel fit(double[] y, int period) {
        if (y.length < minLength(period)) {
            throw new IllegalArgumentException("arima needs at least 8 values, got " + y.length);
        }
        int m = period >= 2 && period <= 52 && y.length >= 3 * period ? period : 1;
        int seasonalD = m > 1 ? UnitRoots.seasonalDifferences(y, m) : 0;
        double[] sd = seasonalD == 1 ? UnitRoots.difference(y, m) : y;
        int d = UnitRoots.differences(sd, seasonalD == 1 ? 1 : 2);
        boolean constantAllowed = d + seasonalD <= 1;
        int maxSeasonal = m > 1 ? MAX_SEASONAL : 0;
        Map<Order, Fitted> tried = new HashMap<>();
        List<Order> starts = new ArrayList<>(List.of(
                new Order(Math.min(2, MAX_PQ), Math.min(2, MAX_PQ), maxSeasonal, maxSeasonal, constantAllowed),
                new Order(0, 0, 0, 0, constantAllowed),
                new Order(1, 0, maxSeasonal, 0, constantAllowed),
                new Order(0, 1, 0, maxSeasonal, constantAllowed)));
        if (constantAllowed) {
            starts.add(new Order(0, 0, 0, 0, false));
        }
        Fitted best = null;
        for (Order o : starts) {
            Fitted f = tryOrder(y, o, d, seasonalD, m, tried);
            if (f != null && (best == null || f.aicc < best.aicc)) {
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no ARIMA order could be fitted");
        }
        boolean improved = true;
        while (improved && tried.size() < MAX_MODELS) {
            improved = false;
            for (Order o : neighbours(best.order, maxSeasonal, constantAllowed)) {
                if (tried.size() >= MAX_MODELS) {
                    break;
                }
                Fitted f = tryOrder(y, o, d, seasonalD, m, tried);
                if (f != null && f.aicc < best.aicc) {
                    best = f;
                    improved = true;
                    break;
                }
            }
        }
        return best.model;
    }

    /** Keeps {@code earlier}'s order when it is an ARIMA model ({@link #refit(ArimaModel, double[], int)}). */
    @Override
    public ForecastModel refit(ForecastModel earlier, RegularSeries series, int period, List<Covariate> covariates) {
        return earlier instanceof ArimaModel a ? refit(a, series.values(), period) : fit(series, period, covariates);
    }

    /**
     * {@code earlier}'s order, differences and season with the coefficients re-estimated on {@code y},
     * starting from {@code earlier}'s: one optimisation instead of the stepwise search's up to
     * {@link #MAX_MODELS}. A full {@link #fit} when that order has no admissible fit on {@code y}.
     * A model without a constant has a mean of exactly 0, so a zero mean keeps the constant out.
     */
    ArimaModel refit(ArimaModel earlier, double[] y, int period) {
        Order o = new Order(earlier.p(), earlier.q(), earlier.seasonalP(), earlier.seasonalQ(), earlier.mean() != 0);
        double[] start = Stream.of(earlier.ar(), earlier.ma(), earlier.sar(), earlier.sma(),
                o.constant ? new double[] {earlier.mean()} : new double[0]).flatMapToDouble(DoubleStream::of).toArray();
        Fitted f = fitOrder(y, o, earlier.d(), earlier.seasonalD(), earlier.period(), start);
        return f != null ? f.model : fit(y, period);
    }

    private record Fitted(Order order, ArimaModel model, double aicc) {
    }

    private static List<Order> neighbours(Order o, int maxSeasonal, boolean constantAllowed) {
        List<Order> out = new ArrayList<>();
        int[][] seasonal = {{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        for (int[] s : seasonal) {
            out.add(new Order(o.p, o.q, o.sp + s[0], o.sq + s[1], o.constant));
        }
        for (int[] s : seasonal) {
            out.add(new Order(o.p + s[0], o.q + s[1], o.sp, o.sq, o.constant));
        }
        if (constantAllowed) {
            out.add(new Order(o.p, o.q, o.sp, o.sq, !o.constant));
        }
        return out.stream().filter(n -> n.p >= 0 && n.q >= 0 && n.p <= MAX_PQ && n.q <= MAX_PQ && n.sp >= 0 && n.sq >= 0
                && n.sp <= maxSeasonal && n.sq <= maxSeasonal).toList();
    }

    private static Fitted tryOrder(double[] y, Order o, int d, int seasonalD, int m, Map<Order, Fitted> tried) {
        if (tried.containsKey(o)) {
            return tried.get(o);
        }
        Fitted f = fitOrder(y, o, d, seasonalD, m, null);
        tried.put(o, f);
        return f;
    }

    /** Fits order {@code o} from {@code warm} (unscaled coefficients, constant last) or, when null, from zeros and the differenced mean. */
    private static Fitted fitOrder(double[] y, Order o, int d, int seasonalD, int m, double[] warm) {
        int k = o.p + o.q + o.sp + o.sq + (o.constant ? 1 : 0);
        double[] w = y;
        for (int i = 0; i < seasonalD; i++) {
            w = UnitRoots.difference(w, m);
        }
        for (int i = 0; i < d; i++) {
            w = UnitRoots.difference(w, 1);
        }
        double wMean = java.util.Arrays.stream(w).average().orElse(0);
        double[] start = warm != null ? warm.clone() : new double[k];
        if (o.constant && warm == null) {
            start[k - 1] = wMean;
        }
        double scale = Math.max(1e-9, java.util.Arrays.stream(w).map(v -> Math.abs(v - wMean)).average().orElse(1));
        ArimaModel initial = model(start, o, d, seasonalD, m, scale);
        if (initial == null || y.length <= initial.minLength()) {
            return null;
        }
        double[] bestPoint = start;
        if (k > 0) {
            NelderMead.Minimum min = NelderMead.minimize(x -> {
                ArimaModel am = model(x, o, d, seasonalD, m, scale);
                return am == null ? Double.POSITIVE_INFINITY : Sse.of(am.oneStepErrors(y), 0);
            }, scaled(start, o, scale), 0.1, 150 * (k + 1), 1e-7);
            bestPoint = min.point();
        } else {
            bestPoint = scaled(start, o, scale);
        }
        ArimaModel fitted = model(bestPoint, o, d, seasonalD, m, scale);
        if (fitted == null) {
            return null;
        }
        double[] e = fitted.oneStepErrors(y);
        double aicc = Sse.aicc(Sse.of(e, 0), Sse.count(e, 0), k + 1);
        return Double.isFinite(aicc) ? new Fitted(o, fitted, aicc) : null;
    }

    /** The optimiser works on the constant divided by the series' scale so one step size suits all. */
    private static double[] scaled(double[] start, Order o, double scale) {
        double[] x = start.clone();
        if (o.constant) {
            x[x.length - 1] /= scale;
        }
        return x;
    }

    private static ArimaModel model(double[] x, Order o, int d, int seasonalD, int m, double scale) {
        int i = 0;
        double[] ar = java.util.Arrays.copyOfRange(x, i, i += o.p);
        double[] ma = java.util.Arrays.copyOfRange(x, i, i += o.q);
        double[] sar = java.util.Arrays.copyOfRange(x, i, i += o.sp);
        double[] sma = java.util.Arrays.copyOfRange(x, i, i += o.sq);
        double mean = o.constant ? x[i] * scale : 0;
        if (!stationary(ar) || !stationary(sar) || !stationary(negate(ma)) || !stationary(negate(sma))) {
            return null;
        }
        return new ArimaModel(o.p, d, o.q, o.sp, seasonalD, o.sq, m, ar, ma, sar, sma, mean);
    }

    private static double[] negate(double[] c) {
        double[] n = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            n[j] = -c[j];
        }
        return n;
    }

    /**
     * True when every root of {@code 1 − Σ a_j z^j} lies outside the circle of radius 1/0.99
     * (Levinson step-down: every partial autocorrelation below 0.99 in modulus).
     */
    static boolean stationary(double[] a) {
        double[] phi = a.clone();
        for (int k = phi.length; k >= 1; k--) {
            double r = phi[k - 1];
            if (!(Math.abs(r) < 0.99)) {
                return false;
            }
            double[] next = new double[k - 1];
            for (int j = 1; j < k; j++) {
                next[j - 1] = (phi[j - 1] + r * phi[k - j - 1]) / (1 - r * r);
            }
            phi = next;
        }
        return true;
    }
}
