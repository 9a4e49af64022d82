package io.autogate.engine.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.forecast.NaiveModel;
import io.autogate.runtime.forecast.PointForecast;
import io.autogate.runtime.forecast.RegularSeries;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Greedy ensemble selection on constructed backtest forecasts: members whose windows are the
 * actual values plus known offsets, so the best combination is known exactly.
 */
class GreedyEnsembleTest {
    private static final int H = 4;
    private static final IntPredicate ALL = age -> true;

    /** Series of length 40, linear ramps (so every window's MASE scale is 2), 3 windows each. */
    private static List<RegularSeries> series(int count) {
        List<RegularSeries> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double[] y = new double[40];
            for (int t = 0; t < y.length; t++) {
                y[t] = 10 * s + 2 * t;
            }
            out.add(new RegularSeries("s" + s, LocalDateTime.of(2020, 1, 1, 0, 0), y));
        }
        return out;
    }

    private static int[][] origins(List<RegularSeries> series) {
        return series.stream().map(x -> ForecastTrainer.origins(x.values().length, H)).toArray(int[][]::new);
    }

    /** A member whose every window forecasts the actual values plus {@code offset} on every series. */
    private static MemberFit[] offset(List<RegularSeries> series, int[][] origins, double offset) {
        MemberFit[] fits = new MemberFit[series.size()];
        for (int s = 0; s < series.size(); s++) {
            PointForecast[] windows = new PointForecast[origins[s].length];
            for (int w = 0; w < windows.length; w++) {
                windows[w] = shifted(series.get(s).values(), origins[s][w], offset);
            }
            fits[s] = new MemberFit(windows, new NaiveModel());
        }
        return fits;
    }

    private static PointForecast shifted(double[] y, int origin, double offset) {
        double[] mean = new double[H];
        for (int h = 0; h < H; h++) {
            mean[h] = y[origin + h] + offset;
        }
        double[] sd = new double[H];
        Arrays.fill(sd, 1);
        return new PointForecast(mean, sd);
    }

    /** Members off by +2, -1 and +5: one part of the first to two of the second forecasts exactly; the third only hurts. */
    private static MemberFit[][] cancellingMembers(List<RegularSeries> series, int[][] origins) {
        return new MemberFit[][] {offset(series, origins, 2), offset(series, origins, -1), offset(series, origins, 5)};
    }

    private static GreedyEnsemble select(MemberFit[][] fits, Backtests backtests, int start) {
        return GreedyEnsemble.select(EnsembleChoice.rank(fits, backtests, ALL), fits, backtests, ALL, start);
    }

    @Test
    void findsTheCountsThatCancelTheMembersErrors() {
        List<RegularSeries> series = series(3);
        int[][] origins = origins(series);
        Backtests backtests = new Backtests(series, origins, 1, H);
        MemberFit[][] fits = cancellingMembers(series, origins);
        GreedyEnsemble g = select(fits, backtests, 0);
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 0}, g.weights(), 1e-12);
        assertArrayEquals(new int[] {1, 2, 0}, g.counts());
        assertEquals(3, g.rounds());
        assertEquals(0, g.mase(), 1e-12);
        assertEquals(g.mase(), backtests.ensemble(fits, g.weights(), List.of(1, 0, 2), false).mase(), 1e-12);
        assertTrue(g.describe(List.of("a", "b", "c")).contains("selection counts {a=1, b=2}"), g.describe(List.of("a", "b", "c")));
    }

    @Test
    void theTrainersDecisionUsesTheSelectionItDescribes() {
        List<RegularSeries> series = series(3);
        int[][] origins = origins(series);
        Backtests backtests = new Backtests(series, origins, 1, H);
        MemberFit[][] fits = cancellingMembers(series, origins);
        List<String> ids = List.of("a", "b", "c");
        EnsembleChoice.Decision decision = EnsembleChoice.decide(EnsembleRule.GREEDY, ids, fits, backtests);
        assertEquals(EnsembleRule.GREEDY, decision.choice().rule());
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 0}, decision.weights(), 1e-12);
        assertEquals(List.of(1, 0, 2), decision.ranking().ranked());
        assertTrue(decision.choice().method().contains("selection counts {a=1, b=2}"), decision.choice().method());
        EnsembleChoice.Decision top3 = EnsembleChoice.decide(EnsembleRule.TOP3_EQUAL, ids, fits, backtests);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, top3.weights(), 1e-12);
        assertEquals("fixed rule", top3.choice().method());
    }

    @Test
    void neverScoresWorseThanTheBestSingleMemberOnItsOwnBacktests() {
        List<RegularSeries> series = series(5);
        int[][] origins = origins(series);
        Backtests backtests = new Backtests(series, origins, 1, H);
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            MemberFit[][] fits = new MemberFit[4][];
            for (int f = 0; f < fits.length; f++) {
                fits[f] = noisy(series, origins, random, random.nextDouble(-3, 3), random.nextDouble(0.1, 4));
            }
            double bestSingle = Arrays.stream(fits).mapToDouble(f -> backtests.family(f).mase()).min().orElseThrow();
            for (int start : new int[] {0, 3}) {
                GreedyEnsemble g = select(fits, backtests, start);
                double combined = backtests.ensemble(fits, g.weights(), EnsembleChoice.rank(fits, backtests, ALL).ranked(), false)
                        .mase();
                assertEquals(g.mase(), combined, 1e-12);
                if (start == 0) {
                    assertTrue(combined <= bestSingle + 1e-12, combined + " > best single " + bestSingle);
                }
                assertEquals(1, Arrays.stream(g.weights()).sum(), 1e-12);
            }
        }
    }

    @Test
    void aMemberMissingOnSomeSeriesAndWindowsIsCombinedWhereItForecast() {
        List<RegularSeries> series = series(2);
        int[][] origins = origins(series);
        Backtests backtests = new Backtests(series, origins, 1, H);
        // exact where it forecast, but failed on series 1 and too short for the oldest window of series 0
        MemberFit[] exact = offset(series, origins, 0);
        exact[1] = null;
        exact[0].windows()[0] = null;
        MemberFit[] off = offset(series, origins, 1.5);
        MemberFit[][] fits = {off, exact};
        GreedyEnsemble g = select(fits, backtests, 0);
        // adding the biased member would only dilute the exact one; where the exact one is missing the
        // ensemble falls back to the biased member, as the trained ensemble does
        assertArrayEquals(new double[] {0, 1}, g.weights(), 1e-12);
        double offAlone = backtests.family(off).mase();
        assertEquals(offAlone * 4 / 6, g.mase(), 1e-12);
        assertTrue(g.mase() < offAlone);
    }

    @Test
    void isDeterministicAndBreaksTiesByRank() {
        List<RegularSeries> series = series(3);
        int[][] origins = origins(series);
        Backtests backtests = new Backtests(series, origins, 1, H);
        SplittableRandom random = new SplittableRandom(5);
        MemberFit[] a = noisy(series, origins, random, 0.5, 1);
        MemberFit[] b = noisy(series, origins, random, -0.5, 1);
        MemberFit[][] fits = {a, b, a.clone()};
        GreedyEnsemble first = select(fits, backtests, 0);
        GreedyEnsemble second = select(fits, backtests, 0);
        assertArrayEquals(first.counts(), second.counts());
        assertArrayEquals(first.weights(), second.weights(), 0);
        // members 0 and 2 forecast the same: every tie between them goes to the better-ranked, 0
        assertEquals(0, first.counts()[2]);
        assertTrue(first.counts()[0] > 0 && first.counts()[1] > 0, Arrays.toString(first.counts()));
    }

    @Test
    void theTopThreeStartCountsTheStartingMembersAndIsKeptWhenNothingImprovesIt() {
        List<RegularSeries> series = series(2);
        int[][] origins = origins(series);
        Backtests backtests = new Backtests(series, origins, 1, H);
        // +1, -1 and 0: the three together already forecast exactly
        MemberFit[][] fits = {offset(series, origins, 1), offset(series, origins, -1), offset(series, origins, 0)};
        GreedyEnsemble g = select(fits, backtests, 3);
        assertArrayEquals(new int[] {1, 1, 1}, g.counts());
        assertEquals(0, g.rounds());
        assertEquals(0, g.mase(), 1e-12);
        assertTrue(g.describe(List.of("a", "b", "c")).contains("started from the top 3"));
    }

    /** A member with a bias and noise of the given size on every window. */
    private static MemberFit[] noisy(List<RegularSeries> series, int[][] origins, SplittableRandom random, double bias,
            double noise) {
        MemberFit[] fits = offset(series, origins, bias);
        for (MemberFit fit : fits) {
            for (PointForecast f : fit.windows()) {
                for (int h = 0; h < H; h++) {
                    f.mean()[h] += random.nextGaussian() * noise;
                }
            }
        }
        return fits;
    }
}
