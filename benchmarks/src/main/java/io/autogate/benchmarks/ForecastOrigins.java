package io.autogate.benchmarks;

import io.autogate.benchmarks.ForecastBenchmark.Config;
import io.autogate.benchmarks.ForecastBenchmark.Holdout;
import io.autogate.benchmarks.ForecastBenchmark.Spec;
import io.autogate.engine.data.SeriesData;
import io.autogate.engine.forecast.EnsembleRule;
import io.autogate.engine.forecast.ForecastFamilies;
import io.autogate.engine.forecast.ForecastFamily;
import io.autogate.engine.forecast.ForecastScores;
import io.autogate.engine.forecast.ForecastTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The forecasting benchmark over several forecast origins instead of one: per dataset, origin
 * {@code k} (1 ≤ k ≤ K) holds out the horizon that ends {@code (k − 1)·h} steps before the end of
 * the data, trains on everything before it and scores seasonal naive and each configuration there.
 * Origin 1 is {@code forecast.md}'s holdout; origins 2..K are earlier windows, the first of them
 * {@code forecast-validation.md}'s validation window. One window per dataset is a sample of one
 * (a holiday, a turning point); K windows say how often the ensemble wins, and the rule choices can
 * be judged on origins 2..K without reading the holdout. The declared covariates are used, as in
 * {@code forecast.md}.
 */
final class ForecastOrigins {
    /**
     * The configurations compared: the default ensemble, the single family with the best backtest
     * (what a user gets without an ensemble: the "best single family" chosen beforehand)
     * and alternative ensemble rules.
     */
    static final List<Config> CONFIGS = List.of(
            rule(EnsembleRule.DEFAULT),
            rule(EnsembleRule.BEST_SINGLE),
            rule(EnsembleRule.TOP3_EQUAL),
            rule(EnsembleRule.TOP3_NEAR_BEST),
            rule(EnsembleRule.GREEDY),
            rule(EnsembleRule.BACKTEST_CHOICE));

    /** An origin is scored only when every series has this many horizons of history before it (the trainer's backtest windows). */
    static final int MIN_WINDOWS = ForecastTrainer.WINDOWS;

    private ForecastOrigins() {
    }

    private static Config rule(EnsembleRule rule) {
        return new Config(rule.id(), t -> t.withEnsembleRule(rule), List.of(), ForecastTrainer.MAX_HISTORY, 1, true);
    }

    /** Scores every configuration at {@code origins} origins of each named dataset; a markdown report. */
    static String run(Path datasets, List<String> names, int origins) throws Exception {
        StringBuilder detail = new StringBuilder("| dataset | origin | seasonal naive |");
        CONFIGS.forEach(c -> detail.append(' ').append(c.name()).append(" |"));
        detail.append("\n|---|---|---|").append("---|".repeat(CONFIGS.size())).append('\n');
        StringBuilder perDataset = new StringBuilder("| dataset | windows | seasonal naive |");
        CONFIGS.forEach(c -> perDataset.append(' ').append(c.name()).append(" |"));
        perDataset.append("\n|---|---|---|").append("---|".repeat(CONFIGS.size())).append('\n');
        Tally holdout = new Tally();
        Tally earlier = new Tally();
        for (Spec spec : ForecastBenchmark.SPECS) {
            if (!names.contains(spec.name())) {
                continue;
            }
            int h = spec.horizon();
            SeriesData full = ForecastBenchmark.load(spec, datasets, ForecastTrainer.MAX_HISTORY, origins * h);
            Tally dataset = new Tally();
            int shortest = full.series().stream().mapToInt(s -> s.values().length).min().orElseThrow();
            for (int k = origins; k >= 1; k--) {
                if (shortest - k * h < MIN_WINDOWS * h) {
                    detail.append("| ").append(spec.name()).append(" | ").append(k).append(" | skipped: a series has ")
                            .append(shortest - k * h).append(" values before this window, fewer than ").append(MIN_WINDOWS)
                            .append(" horizons |").append(" |".repeat(CONFIGS.size())).append('\n');
                    continue;
                }
                double[] mase = score(spec, ForecastBenchmark.withoutLast(full, (k - 1) * h));
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
                perDataset.append(String.format(Locale.ROOT, " | %.3f", Math.exp(m / dataset.windows)));
            }
            perDataset.append(" |\n");
        }
        return "### Summary\n\n" + summary(earlier, "origins 2.." + origins + " (before the holdout)") + summary(holdout,
                "origin 1 (the holdout)") + "\n### Per dataset: geometric mean MASE over origins 2.." + origins + "\n\n"
                + perDataset + "\n### Every window (MASE)\n\n" + detail;
    }

    /** Seasonal naive's MASE, then each configuration's, on the last horizon of {@code data}. */
    private static double[] score(Spec spec, SeriesData data) throws Exception {
        double[] mase = new double[CONFIGS.size() + 1];
        int period = data.frequency().seasonalPeriod();
        for (int c = 0; c < CONFIGS.size(); c++) {
            Config config = CONFIGS.get(c);
            Holdout r = ForecastBenchmark.trainAndScore(spec, data, spec.budget(), config.trainer(), config.families(),
                    spec.hasCovariates(), config.history());
            r.result().log().forEach(line -> System.out.println(spec.name() + ", " + config.name() + ": " + line));
            mase[c + 1] = r.ensemble().mase();
            if (c == 0) {
                ForecastFamily seasonalNaive = ForecastFamilies.select(ForecastFamilies.all(), List.of("seasonal_naive")).get(0);
                ForecastScores naive = new ForecastScores();
                for (int i = 0; i < r.trainParts().size(); i++) {
                    double[] y = r.trainParts().get(i);
                    ForecastBenchmark.add(naive, seasonalNaive.fit(y, period).forecast(y, spec.horizon()), y, r.tests().get(i),
                            period);
                }
                mase[0] = naive.mase();
            }
        }
        return mase;
    }

    private static String summary(Tally t, String which) {
        StringBuilder sb = new StringBuilder("| " + which + ", " + t.windows
                + " windows | geometric mean MASE / seasonal naive | beats seasonal naive | beats the backtest-selected single family |\n|---|---|---|---|\n");
        for (int c = 0; c < CONFIGS.size(); c++) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %d / %d | %s |%n", CONFIGS.get(c).name(),
                    Math.exp(t.logRatio[c] / t.windows), t.beatsNaive[c], t.windows,
                    c == 1 ? "-" : t.beatsSingle[c] + " / " + t.windows));
        }
        return sb.append('\n').toString();
    }

    /**
     * Over a set of windows: the sum of log(MASE) for seasonal naive and each configuration, and per
     * configuration the sum of log(MASE / seasonal naive's) and the win counts.
     */
    private static final class Tally {
        private final double[] logMase = new double[CONFIGS.size() + 1];
        private final double[] logRatio = new double[CONFIGS.size()];
        private final int[] beatsNaive = new int[CONFIGS.size()];
        private final int[] beatsSingle = new int[CONFIGS.size()];
        private int windows;

        void add(double[] mase) {
            windows++;
            for (int c = 0; c < mase.length; c++) {
                logMase[c] += Math.log(mase[c]);
            }
            for (int c = 0; c < CONFIGS.size(); c++) {
                logRatio[c] += Math.log(mase[c + 1] / mase[0]);
                beatsNaive[c] += mase[c + 1] < mase[0] ? 1 : 0;
                beatsSingle[c] += mase[c + 1] < mase[2] ? 1 : 0;
            }
        }
    }
}
