package io.autogate.engine.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Which fixed {@link EnsembleRule} a training run combines its families with, and why: the
 * backtest MASE of every candidate rule. Under {@link EnsembleRule#BACKTEST_CHOICE} each
 * candidate is scored without seeing the window it is scored on: for each window age
 * {@code a} that has older windows, the rule ranks the families (and picks its k) on the windows
 * older than {@code a} only and its ensemble is scored on age {@code a}; the scores are pooled
 * over ages and series like every backtest figure. The lowest wins, ties to the simpler (earlier)
 * rule; the winner is then applied to the ranking over all windows. With a single window per
 * series the candidates are scored on it directly (noted in {@link #method()}).
 *
 * @param rule the rule the ensemble uses
 * @param scores each candidate rule's backtest MASE, by rule id (empty for a fixed rule)
 * @param method how the scores were obtained
 */
public record EnsembleChoice(EnsembleRule rule, Map<String, Double> scores, String method) {
    private static final int MAX_K = 4;
    /** {@link EnsembleRule#TOP3_NEAR_BEST} keeps members whose backtest MASE is at most this multiple of the best. */
    static final double NEAR_BEST = 1.1;

    /** Families by backtest MASE over some windows: indices of the scored ones, best first, and every family's MASE. */
    record Ranking(List<Integer> ranked, List<Double> mase) {
    }

    /** The figures by name for the manifest: chosen, scores, method. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chosen", rule.id());
        m.put("scores", scores);
        m.put("method", method);
        return m;
    }

    /**
     * The rule's decision over all backtest windows: the rule, the families ranked, and the
     * weights the rule gives them (summing to 1), each computed once.
     */
    record Decision(EnsembleChoice choice, Ranking ranking, double[] weights) {
    }

    /**
     * Chooses the rule ({@code requested} itself unless it is {@link EnsembleRule#BACKTEST_CHOICE})
     * and weighs the families with it over all windows. A greedy rule's selection is run once: its
     * description and its weights come from the same {@link GreedyEnsemble}.
     */
    static Decision decide(EnsembleRule requested, List<String> ids, MemberFit[][] fits, Backtests backtests) {
        IntPredicate all = age -> true;
        Ranking ranking = rank(fits, backtests, all);
        if (requested == EnsembleRule.GREEDY || requested == EnsembleRule.GREEDY_TOP3_START) {
            GreedyEnsemble greedy = GreedyEnsemble.select(ranking, fits, backtests, all, greedyStart(requested));
            if (greedy == null) {
                return new Decision(new EnsembleChoice(requested, Map.of(), "fixed rule (no family has a backtest)"), ranking,
                        weights(requested, ids, ranking, fits, backtests, all));
            }
            return new Decision(new EnsembleChoice(requested, Map.of(), greedy.describe(ids)), ranking, greedy.weights());
        }
        EnsembleChoice choice = choose(requested, ids, fits, backtests);
        return new Decision(choice, ranking, weights(choice.rule(), ids, ranking, fits, backtests, all));
    }

    /** Chooses a rule other than greedy: {@code requested} itself unless it is {@link EnsembleRule#BACKTEST_CHOICE}. */
    private static EnsembleChoice choose(EnsembleRule requested, List<String> ids, MemberFit[][] fits, Backtests backtests) {
        if (requested != EnsembleRule.BACKTEST_CHOICE) {
            return new EnsembleChoice(requested, Map.of(), "fixed rule");
        }
        List<EnsembleRule> candidates = EnsembleRule.candidates().stream()
                .filter(r -> r != EnsembleRule.SEASONAL_NAIVE || ids.contains(BenchmarkFamilies.SEASONAL_NAIVE.id())).toList();
        int scoredAges = backtests.maxWindows() - 1;
        Map<String, Double> scores = new LinkedHashMap<>();
        EnsembleRule best = candidates.get(0);
        double bestScore = Double.POSITIVE_INFINITY;
        for (EnsembleRule candidate : candidates) {
            ForecastScores pooled = new ForecastScores();
            if (scoredAges < 1) {
                IntPredicate all = age -> true;
                Ranking ranking = rank(fits, backtests, all);
                backtests.addEnsemble(pooled, fits, weights(candidate, ids, ranking, fits, backtests, all), ranking.ranked(),
                        all);
            }
            for (int a = 0; a < scoredAges; a++) {
                int scored = a;
                IntPredicate older = age -> age > scored;
                Ranking ranking = rank(fits, backtests, older);
                if (!ranking.ranked().isEmpty()) {
                    backtests.addEnsemble(pooled, fits, weights(candidate, ids, ranking, fits, backtests, older),
                            ranking.ranked(), age -> age == scored);
                }
            }
            double score = pooled.mase();
            scores.put(candidate.id(), score);
            if (score < bestScore - 1e-9) {
                bestScore = score;
                best = candidate;
            }
        }
        String method = scoredAges < 1
                ? "one backtest window per series: each rule ranked and scored on it (optimistic)"
                : "each rule ranked the families on older windows and was scored on the next: the latest " + scoredAges
                        + " window(s) per series scored";
        return new EnsembleChoice(best, scores, method);
    }

    /** The families ranked by their backtest MASE over the windows whose age passes {@code ages}. */
    static Ranking rank(MemberFit[][] fits, Backtests backtests, IntPredicate ages) {
        List<Double> mase = new ArrayList<>();
        List<Integer> ranked = new ArrayList<>();
        for (int f = 0; f < fits.length; f++) {
            mase.add(backtests.family(fits[f], ages).mase());
            if (Double.isFinite(mase.get(f))) {
                ranked.add(f);
            }
        }
        ranked.sort(Comparator.comparingDouble(mase::get));
        return new Ranking(List.copyOf(ranked), List.copyOf(mase));
    }

    /**
     * The family weights of {@code rule} (a fixed rule) over {@code ranking}, normalised to sum to
     * 1; SELECT_K picks its k on the windows whose age passes {@code ages}. Equal weights when
     * nothing is ranked.
     */
    static double[] weights(EnsembleRule rule, List<String> ids, Ranking ranking, MemberFit[][] fits, Backtests backtests,
            IntPredicate ages) {
        List<Integer> ranked = ranking.ranked();
        double[] w = new double[ids.size()];
        if (ranked.isEmpty()) {
            Arrays.fill(w, 1);
        } else {
            switch (rule) {
                case SEASONAL_NAIVE -> w[ids.indexOf(BenchmarkFamilies.SEASONAL_NAIVE.id())] = 1;
                case BEST_SINGLE -> w = topK(1, true, ranking, ids.size());
                case TOP2_EQUAL -> w = topK(2, true, ranking, ids.size());
                case TOP3_EQUAL -> w = topK(3, true, ranking, ids.size());
                case TOP3_INVERSE_MASE -> w = topK(3, false, ranking, ids.size());
                case TOP3_NEAR_BEST -> w = nearBest(ranking, fits, backtests, ages);
                case SELECT_K -> w = selectK(ranking, fits, backtests, ages);
                case GREEDY, GREEDY_TOP3_START -> w = GreedyEnsemble.select(ranking, fits, backtests, ages, greedyStart(rule))
                        .weights();
                case BACKTEST_CHOICE -> throw new IllegalArgumentException("backtest_choice is not a fixed rule");
            }
        }
        double total = Arrays.stream(w).sum();
        for (int f = 0; f < w.length; f++) {
            w[f] /= total;
        }
        return w;
    }

    /** The top k (k ≤ {@link #MAX_K}) with weights 1/MASE whose ensemble scores best on the {@code ages} windows. */
    private static double[] selectK(Ranking ranking, MemberFit[][] fits, Backtests backtests, IntPredicate ages) {
        double[] best = null;
        double bestMase = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= Math.min(MAX_K, ranking.ranked().size()); k++) {
            double[] w = topK(k, false, ranking, fits.length);
            ForecastScores scores = new ForecastScores();
            backtests.addEnsemble(scores, fits, w, ranking.ranked(), ages);
            if (best == null || scores.mase() < bestMase - 1e-12) {
                bestMase = scores.mase();
                best = w;
            }
        }
        return best;
    }

    /**
     * 1/MASE weights of the top 3 ranked families whose MASE is within {@link #NEAR_BEST} of the
     * best; the best family alone when that combination scores worse than it on the {@code ages}
     * windows, so the ensemble's backtest MASE is never above its best member's.
     */
    private static double[] nearBest(Ranking ranking, MemberFit[][] fits, Backtests backtests, IntPredicate ages) {
        double[] w = topK(3, false, ranking, fits.length);
        int bestFamily = ranking.ranked().get(0);
        double best = ranking.mase().get(bestFamily);
        for (int f = 0; f < w.length; f++) {
            if (ranking.mase().get(f) > NEAR_BEST * best) {
                w[f] = 0;
            }
        }
        ForecastScores combined = new ForecastScores();
        backtests.addEnsemble(combined, fits, w, ranking.ranked(), ages);
        return combined.mase() > best ? topK(1, false, ranking, fits.length) : w;
    }

    /** How many top-ranked families a greedy rule starts from. */
    private static int greedyStart(EnsembleRule rule) {
        return rule == EnsembleRule.GREEDY_TOP3_START ? 3 : 0;
    }

    /** Weights of the top {@code k} ranked families: equal, or 1/MASE. */
    private static double[] topK(int k, boolean equal, Ranking ranking, int familyCount) {
        double[] w = new double[familyCount];
        for (int i = 0; i < Math.min(k, ranking.ranked().size()); i++) {
            int f = ranking.ranked().get(i);
            w[f] = equal ? 1 : 1 / Math.max(1e-9, ranking.mase().get(f));
        }
        return w;
    }
}
