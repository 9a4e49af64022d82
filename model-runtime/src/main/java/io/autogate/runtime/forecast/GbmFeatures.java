package io.autogate.runtime.forecast;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The feature row of the global gradient-boosting family for step {@code t} of a series, from
 * its values before {@code t} only. Values are centred on the anchor (the mean of the last
 * {@code anchor} values) and divided by the series' scale (its mean absolute level), so one model
 * fits series of any level: the anchor over the scale, each lag minus the anchor, the mean
 * (minus the anchor) and standard deviation of each rolling window, then the calendar fields
 * of step {@code t}. A lag or window reaching before the first value is missing ({@code NaN}).
 * The target of the row is {@code (y[t] - anchor) / scale}.
 *
 * <p>Covariates (encoded, unscaled; {@code covariates} gives the role of each row of
 * {@link RegularSeries#covariates()}) follow: a known-in-advance covariate contributes its value
 * at {@code t} (the target's own time step), at {@code t - 1}, and its value at {@code t} minus
 * its value at {@code t - anchor} and minus its mean over the anchor window (so it is centred
 * as the target is); a past-only covariate its values
 * at {@code t - l} for each of {@code pastLags} and the mean of the {@code pastWindow} values
 * ending at {@code t - pastLags[0]}. The past lags are at least the trained horizon, so every step
 * of a forecast up to that horizon reads past-only values from before the origin only; a value
 * the row would need from after the end of a covariate's row is missing ({@code NaN}), never read.
 */
public record GbmFeatures(int[] lags, int[] windows, int anchor, List<CalendarField> calendar,
        List<CovariateRole> covariates, int[] pastLags, int pastWindow) {
    public GbmFeatures {
        lags = lags.clone();
        windows = windows.clone();
        calendar = List.copyOf(calendar);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        pastLags = pastLags == null ? new int[0] : pastLags.clone();
        if (covariates.contains(CovariateRole.PAST) && (pastLags.length == 0 || pastWindow < 1)) {
            throw new IllegalArgumentException("past-only covariates need their lags and window");
        }
        for (int l : pastLags) {
            if (l < 1) {
                throw new IllegalArgumentException("past covariate lag " + l + " must be at least 1");
            }
        }
        if (anchor < 1 || lags.length == 0) {
            throw new IllegalArgumentException("the anchor window and the lags must be non-empty");
        }
        for (int l : lags) {
            if (l < 1) {
                throw new IllegalArgumentException("lag " + l + " must be at least 1");
            }
        }
        for (int w : windows) {
            if (w < 2) {
                throw new IllegalArgumentException("rolling window " + w + " must be at least 2");
            }
        }
    }

    /** Features without covariates. */
    public GbmFeatures(int[] lags, int[] windows, int anchor, List<CalendarField> calendar) {
        this(lags, windows, anchor, calendar, List.of(), new int[0], 0);
    }

    /** Values per row. */
    public int count() {
        int perPast = pastLags.length + 1;
        int known = (int) covariates.stream().filter(r -> r == CovariateRole.KNOWN).count();
        return 1 + lags.length + 2 * windows.length + calendar.size() + 4 * known + perPast * (covariates.size() - known);
    }

    /** The scale of a series part {@code y[0, n)}: its mean absolute value, 1 when that is 0 or not finite. */
    public static double scale(double[] y, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.abs(y[i]);
        }
        double s = n == 0 ? 0 : sum / n;
        return s > 0 && Double.isFinite(s) ? s : 1;
    }

    /** The anchor for step {@code t}: the mean of {@code y[t - anchor, t)} (of {@code y[0, t)} when shorter). */
    public double anchorAt(double[] y, int t) {
        int from = Math.max(0, t - anchor);
        double sum = 0;
        for (int i = from; i < t; i++) {
            sum += y[i];
        }
        return sum / (t - from);
    }

    /**
     * Writes the row for step {@code t} (stamp {@code stamp}) of a series with covariate rows
     * {@code cov} into {@code out[offset, offset + count())}.
     */
    public void row(double[] y, double[][] cov, int t, LocalDateTime stamp, double scale, float[] out, int offset) {
        if (cov.length != covariates.size()) {
            throw new IllegalArgumentException("the features need " + covariates.size() + " covariate row(s), got " + cov.length);
        }
        double a = anchorAt(y, t);
        int at = offset;
        out[at++] = (float) (a / scale);
        for (int l : lags) {
            out[at++] = t - l >= 0 ? (float) ((y[t - l] - a) / scale) : Float.NaN;
        }
        for (int w : windows) {
            if (t - w < 0) {
                out[at++] = Float.NaN;
                out[at++] = Float.NaN;
                continue;
            }
            double sum = 0;
            double sq = 0;
            for (int i = t - w; i < t; i++) {
                sum += y[i];
                sq += y[i] * y[i];
            }
            double mean = sum / w;
            out[at++] = (float) ((mean - a) / scale);
            out[at++] = (float) (Math.sqrt(Math.max(0, sq / w - mean * mean)) / scale);
        }
        for (CalendarField c : calendar) {
            out[at++] = (float) c.value(stamp);
        }
        for (int c = 0; c < cov.length; c++) {
            double[] x = cov[c];
            if (covariates.get(c) == CovariateRole.KNOWN) {
                float now = valueAt(x, t);
                out[at++] = now;
                out[at++] = valueAt(x, t - 1);
                out[at++] = now - valueAt(x, t - anchor);
                out[at++] = t - anchor >= 0 ? (float) (now - meanOf(x, t - anchor, t)) : Float.NaN;
                continue;
            }
            for (int l : pastLags) {
                out[at++] = valueAt(x, t - l);
            }
            int last = t - pastLags[0];
            int first = last - pastWindow + 1;
            out[at++] = first >= 0 && last < x.length ? (float) meanOf(x, first, last + 1) : Float.NaN;
        }
    }

    /** The mean of {@code x[from, to)} (all inside {@code x}). */
    private static double meanOf(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }

    private static float valueAt(double[] x, int i) {
        return i >= 0 && i < x.length ? (float) x[i] : Float.NaN;
    }
}
