package io.autogate.engine.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Greedy ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew and Ksikes, "Ensemble
 * selection from libraries of models", ICML 2004; the default ensemble of AutoGluon-TimeSeries):
 * start from the empty ensemble and, for {@link #ROUNDS} rounds, add the family (again, if it is
 * already in) whose addition gives the averaged backtest forecasts the lowest pooled MASE (the
 * mean over series and windows, as every backtest figure). The ensemble kept is the best one seen
 * over the rounds (the first, when several tie), its weights the selection counts over their
 * total. {@link EnsembleRule#GREEDY_TOP3_START} starts from the top 3 instead of the empty ensemble. Ties between candidates go to the better-ranked family, so the result is deterministic.
 *
 * <p>Each round scores every candidate on the members' stored backtest forecasts
 * ({@link MemberFit#windows()}) through {@link Backtests#addEnsemble}: a member missing (failed
 * or too short) on a series or window is left out of the average there, exactly as the trained
 * ensemble forecasts that series. The weights are pooled over all series (one set per run): a
 * global member is stored once with one weight, and per-series weights from a few short windows
 * would mostly fit noise.
 *
 * @param weights the weight of every family (indexed as the fits), summing to 1
 * @param counts how often each family was selected (the starting ones included), by family index, up to the round kept
 * @param start how many of the top-ranked families the selection started from, once each
 * @param rounds the round whose ensemble was kept (0 = the starting ensemble; from an empty start, 1 = the best family alone)
 * @param mase the pooled backtest MASE of the kept ensemble
 */
record GreedyEnsemble(double[] weights, int[] counts, int start, int rounds, double mase) {
    /** Selection rounds (AutoGluon-TimeSeries also runs 100); the best round's ensemble is kept. */
    static final int ROUNDS = 100;
    private static final double TIE = 1e-12;

    /**
     * Selects over the families of {@code ranking} (best first; the others are never candidates)
     * on the backtest windows whose age passes {@code ages}, starting from the top {@code start}
     * families once each (0: from the empty ensemble; Caruana et al.'s "sorted initialization",
     * which makes the result lean less on the few windows it is chosen on); {@code null} when
     * nothing is ranked.
     */
    static GreedyEnsemble select(EnsembleChoice.Ranking ranking, MemberFit[][] fits, Backtests backtests, IntPredicate ages,
            int start) {
        List<Integer> ranked = ranking.ranked();
        if (ranked.isEmpty()) {
            return null;
        }
        int[] counts = new int[fits.length];
        int initial = Math.min(start, ranked.size());
        ranked.subList(0, initial).forEach(f -> counts[f]++);
        int[] bestCounts = initial == 0 ? null : counts.clone();
        double bestMase = initial == 0 ? Double.POSITIVE_INFINITY : score(counts, fits, backtests, ranked, ages);
        int bestRound = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int pick = -1;
            double pickMase = Double.POSITIVE_INFINITY;
            for (int f : ranked) {
                counts[f]++;
                double mase = score(counts, fits, backtests, ranked, ages);
                counts[f]--;
                if (pick < 0 || mase < pickMase - TIE) {
                    pick = f;
                    pickMase = mase;
                }
            }
            counts[pick]++;
            if (bestCounts == null || pickMase < bestMase - TIE) {
                bestCounts = counts.clone();
                bestMase = pickMase;
                bestRound = round;
            }
        }
        double total = Arrays.stream(bestCounts).sum();
        double[] weights = new double[fits.length];
        for (int f = 0; f < weights.length; f++) {
            weights[f] = bestCounts[f] / total;
        }
        return new GreedyEnsemble(weights, bestCounts, initial, bestRound, bestMase);
    }

    /** The selection counts by family id, selected families only, in family order. */
    Map<String, Integer> countsById(List<String> ids) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int f = 0; f < counts.length; f++) {
            if (counts[f] > 0) {
                m.put(ids.get(f), counts[f]);
            }
        }
        return m;
    }

    /** How the ensemble was selected, for the manifest. */
    String describe(List<String> ids) {
        return String.format(Locale.ROOT, "greedy selection with replacement over the backtest windows (Caruana et al. 2004)"
                + "%s, %d rounds; the best ensemble came after %d round(s), backtest MASE %.4f, selection counts %s",
                start == 0 ? "" : " started from the top " + start, ROUNDS, rounds, mase, countsById(ids));
    }

    private static double score(int[] counts, MemberFit[][] fits, Backtests backtests, List<Integer> ranked, IntPredicate ages) {
        double[] w = new double[counts.length];
        for (int f = 0; f < w.length; f++) {
            w[f] = counts[f];
        }
        ForecastScores scores = new ForecastScores();
        backtests.addEnsemble(scores, fits, w, ranked, ages);
        return scores.mase();
    }
}
