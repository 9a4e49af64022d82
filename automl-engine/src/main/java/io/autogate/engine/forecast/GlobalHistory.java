package io.autogate.engine.forecast;

import io.autogate.engine.data.SeriesData;
import io.autogate.runtime.forecast.Frequency;
import io.autogate.runtime.forecast.RegularSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much history the global families ({@link GlobalForecastFamily}, the booster) read, and
 * the series and backtest origins they read it as. The per-series families keep the trainer's
 * per-series history ({@link ForecastTrainer#MAX_HISTORY} by default), since their fits cost
 * grows with the length; the booster learns across series and, on sub-daily data, needs more
 * than 2,500 steps (52 days of half-hours) to see a year's holidays and seasons. Run E of
 * benchmarks/results/forecast-origins.md adopted it (0.657 against 0.725 geometric mean MASE /
 * seasonal naive over 46 earlier windows of electricity and ETT-h1).
 *
 * @param series  each usable series' last {@code steps} values (ending where its per-series part ends)
 * @param origins each series' backtest origins in {@code series}: the per-series origins shifted by
 *                the extra steps, so every window covers the same stretch of time for every member
 */
public record GlobalHistory(List<RegularSeries> series, int[][] origins) {
    /** Days of history the global families read at most. */
    public static final int DAYS = 731;
    /**
     * Steps over all series the global families read per minute of budget when that lets them
     * read more than the per-series history: one half-hourly series of two years at the default
     * 60 s, so a booster fitted 8 times on them still ends within its slot on 2 cores (six such
     * series at 60 s overran it).
     */
    public static final int STEPS_PER_MINUTE = 40_000;
    private static final double DAY_SECONDS = 86_400;

    /**
     * The most steps per series the global families read at a per-series history of
     * {@code maxHistory}: at least that, and up to {@link #DAYS} days of {@code frequency}'s
     * steps (only data with steps shorter than about seven hours reads more than 2,500).
     */
    public static int most(Frequency frequency, int maxHistory) {
        double steps = Math.ceil(DAYS * DAY_SECONDS / frequency.approximateSeconds());
        return (int) Math.max(maxHistory, Math.min(steps, Integer.MAX_VALUE));
    }

    /**
     * Steps per series the global families read on {@code series} series within {@code budget}:
     * {@link #most}, but no more than an equal share of {@link #STEPS_PER_MINUTE} per minute of
     * budget, and never less than {@code maxHistory} (many series get the per-series history, as
     * before). Deterministic in its arguments, so a run repeats on any machine.
     */
    public static int steps(Frequency frequency, int maxHistory, int series, Duration budget) {
        long share = budget.toMillis() * STEPS_PER_MINUTE / 60_000 / Math.max(1, series);
        return (int) Math.max(maxHistory, Math.min(most(frequency, maxHistory), share));
    }

    /** Steps over all series the global families read: each of {@code parts}' series in {@code loaded}, up to {@code steps}. */
    static long total(List<RegularSeries> parts, SeriesData loaded, int steps) {
        Map<String, RegularSeries> full = byId(loaded);
        return parts.stream().mapToLong(p -> Math.min(steps, full.get(p.id()).values().length)).sum();
    }

    /** The loaded series by id. */
    private static Map<String, RegularSeries> byId(SeriesData loaded) {
        Map<String, RegularSeries> full = new HashMap<>();
        loaded.series().forEach(s -> full.put(s.id(), s));
        return full;
    }

    /**
     * The global families' view of the usable per-series parts {@code parts} (with backtest
     * {@code origins}): each the last {@code steps} of its series in {@code loaded}; a note added to
     * {@code notes} says so when any is longer than its per-series part.
     */
    static GlobalHistory of(List<RegularSeries> parts, int[][] origins, SeriesData loaded, int steps, List<String> notes) {
        Map<String, RegularSeries> full = byId(loaded);
        List<RegularSeries> out = new ArrayList<>();
        int[][] shifted = new int[parts.size()][];
        int extended = 0;
        for (int s = 0; s < parts.size(); s++) {
            RegularSeries g = full.get(parts.get(s).id()).tail(steps, loaded.frequency());
            int shift = g.values().length - parts.get(s).values().length;
            shifted[s] = Arrays.stream(origins[s]).map(o -> o + shift).toArray();
            extended += shift > 0 ? 1 : 0;
            out.add(g);
        }
        if (extended > 0) {
            notes.add("the global families read up to " + steps + " steps of each series (at most " + DAYS + " days, "
                    + STEPS_PER_MINUTE + " steps over all series per minute of budget), more than the per-series"
                    + " families' last " + parts.stream().mapToInt(s -> s.values().length).max().orElse(0) + " on "
                    + extended + " series");
        }
        return new GlobalHistory(out, shifted);
    }
}
