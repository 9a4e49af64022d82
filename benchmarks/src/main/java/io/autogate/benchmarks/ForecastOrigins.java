package io.autogate.benchmarks;

import io.autogate.benchmarks.ForecastBenchmark.Config;
import io.autogate.benchmarks.ForecastBenchmark.Holdout;
import io.autogate.benchmarks.ForecastBenchmark.Spec;
import io.autogate.engine.data.SeriesData;
import io.autogate.engine.forecast.EnsembleRule;
import io.autogate.engine.forecast.ForecastTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The forecasting benchmark over several forecast origins instead of one: per dataset, origin
 * {@code k} (1 ≤ k ≤ K) holds out the horizon that ends {@code (k − 1)·h} steps before the end of
 * the data, trains on everything before it and scores seasonal naive and each configuration there.
 * Origin 1 is {@code forecast.md}'s holdout; origins 2..K are earlier windows, the first of them
 * {@code forecast-validation.md}'s validation window. A list of origins (such as {@code 2-16,55-62})
 * may be given instead of K, to reach periods further back. One window per dataset is a sample of one
 * (a holiday, a turning point); K windows say how often the ensemble wins, and the rule choices can
 * be judged on origins 2..K without reading the holdout. The declared covariates are used, as in
 * {@code forecast.md}.
 */
final class ForecastOrigins {
    /**
     * The configurations compared: the top 3 weighted 1/MASE (the default rule until 2026-12-07),
     * the single family with the best backtest (what a user gets without an ensemble: the issue's
     * "best single family" chosen beforehand), other ensemble rules including greedy selection (the
     * {@link EnsembleRule#DEFAULT default} since), and two rules ranked on more backtest windows.
     */
    static final List<Config> CONFIGS = List.of(
            rule(EnsembleRule.TOP3_INVERSE_MASE),
            rule(EnsembleRule.BEST_SINGLE),
            rule(EnsembleRule.TOP3_EQUAL),
            rule(EnsembleRule.TOP3_NEAR_BEST),
            rule(EnsembleRule.GREEDY),
            rule(EnsembleRule.BACKTEST_CHOICE),
            windows(EnsembleRule.TOP3_INVERSE_MASE, 10),
            windows(EnsembleRule.GREEDY, 10));

    /**
     * The backtest window counts compared (runs C and K of forecast-origins.md): greedy selection,
     * the default rule, on 3 windows and on the count the trainer takes from the data by default
     * ({@link ForecastTrainer#backtestWindows}: up to 7 for sub-daily data forecast up to a day
     * ahead, up to 10 for the rest).
     */
    static final List<Config> WINDOW_CONFIGS = List.of(
            windows(EnsembleRule.GREEDY, ForecastTrainer.WINDOWS),
            config(EnsembleRule.GREEDY.id() + ", windows by the data (default)", t -> t.withEnsembleRule(EnsembleRule.GREEDY)));

    /** The configuration every other is compared with as "the backtest-selected single family". */
    private static final String SINGLE = EnsembleRule.BEST_SINGLE.id();

    /** An origin is scored only when every series has this many horizons of history before it (the trainer's backtest windows). */
    static final int MIN_WINDOWS = ForecastTrainer.WINDOWS;

    private ForecastOrigins() {
    }

    private static Config rule(EnsembleRule rule) {
        return config(rule.id(), t -> t.withEnsembleRule(rule));
    }

    /** {@code rule} ranked on up to {@code windows} backtest windows (past the third only while half the series is left). */
    private static Config windows(EnsembleRule rule, int windows) {
        return config(rule.id() + ", up to " + windows + " windows", t -> t.withEnsembleRule(rule).withMaxWindows(windows));
    }

    /** A configuration of the default families, history and budget, with covariates, its trainer set by {@code trainer}. */
    private static Config config(String name, UnaryOperator<ForecastTrainer> trainer) {
        return new Config(name, trainer, List.of(), ForecastTrainer.MAX_HISTORY, 1, true);
    }

    /**
     * The origins a text names, latest last: a count K (at least 2) for origins 1..K, or a list
     * of origins and ranges such as {@code 2-16,55-62}.
     */
    static int[] origins(String text) {
        if (text.matches("\\d+")) {
            int count = Integer.parseInt(text);
            if (count < 2) {
                throw new IllegalArgumentException("origins must be at least 2 (the holdout and one before it), got " + count);
            }
            return IntStream.iterate(count, k -> k >= 1, k -> k - 1).toArray();
        }
        if (!text.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
            throw new IllegalArgumentException("origins are a count or a list such as 2-16,55-62, got '" + text + "'");
        }
        TreeSet<Integer> set = new TreeSet<>(Comparator.reverseOrder());
        for (String part : text.split(",")) {
            String[] ends = part.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[ends.length - 1]);
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("origin range '" + part + "' must run upwards from 1 or more");
            }
            IntStream.rangeClosed(from, to).forEach(set::add);
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Origins as compact text: runs of consecutive ones as {@code a..b}. */
    static String label(int[] origins) {
        int[] up = Arrays.stream(origins).sorted().toArray();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < up.length; ) {
            int j = i;
            while (j + 1 < up.length && up[j + 1] == up[j] + 1) {
                j++;
            }
            parts.add(i == j ? String.valueOf(up[i]) : up[i] + ".." + up[j]);
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    /** Scores every configuration of {@code configs} at the given origins of each named dataset; a markdown report. */
    static String run(Path datasets, List<String> names, int[] origins, List<Config> configs) throws Exception {
        int oldest = Arrays.stream(origins).max().orElseThrow();
        StringBuilder detail = header("| dataset | origin | seasonal naive |", configs);
        StringBuilder perDataset = header("| dataset | windows | seasonal naive |", configs);
        Tally holdout = new Tally(configs);
        Tally earlier = new Tally(configs);
        for (Spec spec : ForecastBenchmark.SPECS) {
            if (!names.contains(spec.name())) {
                continue;
            }
            int h = spec.horizon();
            SeriesData full = ForecastBenchmark.load(spec, datasets, ForecastTrainer.MAX_HISTORY, oldest * h);
            Tally dataset = new Tally(configs);
            int shortest = full.series().stream().mapToInt(s -> s.values().length).min().orElseThrow();
            for (int k : origins) {
                if (shortest - k * h < MIN_WINDOWS * h) {
                    detail.append("| ").append(spec.name()).append(" | ").append(k).append(" | skipped: a series has ")
                            .append(shortest - k * h).append(" values before this window, fewer than ").append(MIN_WINDOWS)
                            .append(" horizons |").append(" |".repeat(configs.size())).append('\n');
                    continue;
                }
                double[] mase = score(spec, ForecastBenchmark.withoutLast(full, (k - 1) * h), configs);
                (k == 1 ? holdout : earlier).add(mase);
                if (k > 1) {
                    dataset.add(mase);
                }
                StringBuilder row = new StringBuilder("| ").append(spec.name()).append(" | ")
                        .append(k == 1 ? "1 (holdout)" : String.valueOf(k));
                for (double m : mase) {
                    row.append(String.format(Locale.ROOT, " | %.3f", m));
                }
                row.append(" |\n");
                System.out.print(row);
                detail.append(row);
            }
            perDataset.append("| ").append(spec.name()).append(" | ").append(dataset.windows);
            for (double m : dataset.logMase) {
                perDataset.append(dataset.windows == 0 ? " | -" : String.format(Locale.ROOT, " | %.3f", Math.exp(m / dataset.windows)));
            }
            perDataset.append(" |\n");
        }
        String before = "origins " + label(Arrays.stream(origins).filter(k -> k > 1).toArray());
        return "### Summary\n\n" + summary(earlier, before + " (before the holdout)", configs)
                + (holdout.windows == 0 ? "" : summary(holdout, "origin 1 (the holdout)", configs))
                + "\n### Per dataset: geometric mean MASE over " + before + "\n\n" + perDataset
                + "\n### Every window (MASE)\n\n" + detail;
    }

    /** A markdown table header: {@code first} columns, then one per configuration. */
    private static StringBuilder header(String first, List<Config> configs) {
        StringBuilder sb = new StringBuilder(first);
        configs.forEach(c -> sb.append(' ').append(c.name()).append(" |"));
        return sb.append("\n|---|---|---|").append("---|".repeat(configs.size())).append('\n');
    }

    /** Seasonal naive's MASE, then each configuration's, on the last horizon of {@code data}. */
    private static double[] score(Spec spec, SeriesData data, List<Config> configs) throws Exception {
        double[] mase = new double[configs.size() + 1];
        int period = data.frequency().seasonalPeriod();
        for (int c = 0; c < configs.size(); c++) {
            Config config = configs.get(c);
            Holdout r = ForecastBenchmark.trainAndScore(spec, data, spec.budget(), config.trainer(), config.families(),
                    spec.hasCovariates(), config.history());
            r.result().log().forEach(line -> System.out.println(spec.name() + ", " + config.name() + ": " + line));
            mase[c + 1] = r.ensemble().mase();
            if (c == 0) {
                mase[0] = ForecastBenchmark.seasonalNaive(r, spec.horizon(), period).mase();
            }
        }
        return mase;
    }

    private static String summary(Tally t, String which, List<Config> configs) {
        StringBuilder sb = new StringBuilder("| " + which + ", " + t.windows
                + " windows | geometric mean MASE / seasonal naive | beats seasonal naive | beats the backtest-selected single family |\n|---|---|---|---|\n");
        for (int c = 0; c < configs.size(); c++) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %d / %d | %s |%n", configs.get(c).name(),
                    Math.exp(t.logRatio[c] / t.windows), t.beatsNaive[c], t.windows,
                    t.single < 0 || c == t.single ? "-" : t.beatsSingle[c] + " / " + t.windows));
        }
        return sb.append('\n').toString();
    }

    /**
     * Over a set of windows: the sum of log(MASE) for seasonal naive and each configuration, and per
     * configuration the sum of log(MASE / seasonal naive's) and the win counts.
     */
    private static final class Tally {
        private final double[] logMase;
        private final double[] logRatio;
        private final int[] beatsNaive;
        private final int[] beatsSingle;
        /** The index of the backtest-selected single family among the configurations, -1 when not among them. */
        private final int single;
        private int windows;

        Tally(List<Config> configs) {
            logMase = new double[configs.size() + 1];
            logRatio = new double[configs.size()];
            beatsNaive = new int[configs.size()];
            beatsSingle = new int[configs.size()];
            single = configs.stream().map(Config::name).toList().indexOf(SINGLE);
        }

        void add(double[] mase) {
            windows++;
            for (int c = 0; c < mase.length; c++) {
                logMase[c] += Math.log(mase[c]);
            }
            for (int c = 0; c < logRatio.length; c++) {
                logRatio[c] += Math.log(mase[c + 1] / mase[0]);
                beatsNaive[c] += mase[c + 1] < mase[0] ? 1 : 0;
                beatsSingle[c] += single >= 0 && mase[c + 1] < mase[single + 1] ? 1 : 0;
            }
        }
    }
}
