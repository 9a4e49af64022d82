package io.autogate.engine.search;

import io.autogate.engine.space.Observation;
import io.autogate.engine.space.PortfolioEntry;
import io.autogate.engine.space.TpeSampler;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides what to try next, one batch at a time, from the trials so far. First the portfolio:
 * the first known-good configuration of every family, then the remaining entries of the five best
 * families, round robin. Then successive halving brackets fed by TPE proposals: nine candidates
 * on a ninth of the rows, the best third on three times as many, the best on all rows (on small
 * data, where a ninth would be too few rows, candidates go straight to all rows). Proposals go to
 * the best families by rank. Deterministic: the same trial history and seed give the same batches.
 */
public final class SearchSchedule {
    private static final int PORTFOLIO_FAMILIES = 5;
    private static final int MIN_SUBSAMPLE_ROWS = 400;
    private static final double[] FAMILY_SHARES = {0.45, 0.3, 0.15, 0.1};

    private final List<FamilyPlan> families;
    private final TaskType task;
    private final int trainRows;
    private final int parallelism;
    private final SplittableRandom rng;
    private final TpeSampler tpe = new TpeSampler();
    private final Map<String, List<PortfolioEntry>> portfolios = new LinkedHashMap<>();
    private int portfolioRound;
    private List<Candidate> rung = List.of();
    private int rungLevel;

    /**
     * A schedule for families (in priority order: cheap and strong first) over a training set of
     * about {@code trainRows} rows per fold.
     */
    public SearchSchedule(List<FamilyPlan> families, TaskType task, int trainRows, int parallelism, long seed) {
        this.families = List.copyOf(families);
        this.task = task;
        this.trainRows = trainRows;
        this.parallelism = parallelism;
        this.rng = new SplittableRandom(seed);
        for (FamilyPlan f : families) {
            portfolios.put(f.name(), f.space().portfolio(task));
        }
    }

    /** The next batch to run, never empty while the search may go on. */
    public List<Candidate> next(List<Trial> history) {
        List<Candidate> portfolio = nextPortfolioRound(history);
        if (!portfolio.isEmpty()) {
            return portfolio;
        }
        return nextRung(history);
    }

    private List<Candidate> nextPortfolioRound(List<Trial> history) {
        List<Candidate> batch = new ArrayList<>();
        while (batch.isEmpty()) {
            List<String> eligible = portfolioRound == 0 ? families.stream().map(FamilyPlan::name).toList()
                    : rankedFamilies(history).stream().limit(PORTFOLIO_FAMILIES).toList();
            boolean anyLeft = false;
            for (String family : eligible) {
                List<PortfolioEntry> entries = portfolios.get(family);
                if (portfolioRound < entries.size()) {
                    PortfolioEntry e = entries.get(portfolioRound);
                    batch.add(new Candidate(family, e.params(), "portfolio:" + e.name(), 1.0, rng.nextLong()));
                    anyLeft = true;
                }
            }
            boolean more = families.stream().anyMatch(f -> portfolios.get(f.name()).size() > portfolioRound + 1);
            portfolioRound++;
            if (!anyLeft && !more) {
                return List.of();
            }
        }
        return batch;
    }

    private List<Candidate> nextRung(List<Trial> history) {
        double base = Math.max(1.0 / 9, (double) MIN_SUBSAMPLE_ROWS / Math.max(1, trainRows));
        boolean halving = base < 1.0 / 3;
        if (!halving) {
            return propose(history, Math.max(2, parallelism * 2), 1.0, "tpe");
        }
        if (rung.isEmpty() || rungLevel >= 2) {
            rungLevel = 0;
            rung = propose(history, 9, base, "tpe/sh-rung0");
            return rung;
        }
        List<Trial> results = history.stream()
                .filter(t -> rung.stream().anyMatch(c -> c.seed() == t.candidate().seed()
                        && c.fraction() == t.candidate().fraction()))
                .filter(t -> t.status() == TrialStatus.OK)
                .sorted(Comparator.comparingDouble(Trial::loss))
                .toList();
        rungLevel++;
        int keep = Math.max(1, rung.size() / 3);
        double fraction = rungLevel == 2 ? 1.0 : Math.min(1.0, rung.get(0).fraction() * 3);
        List<Candidate> promoted = new ArrayList<>();
        for (Trial t : results.subList(0, Math.min(keep, results.size()))) {
            promoted.add(t.candidate().withFraction(fraction, "tpe/sh-rung" + rungLevel));
        }
        if (promoted.isEmpty()) {
            rungLevel = 2;
            return nextRung(history);
        }
        rung = promoted;
        if (fraction >= 1.0 && promoted.size() < parallelism) {
            List<Candidate> filled = new ArrayList<>(promoted);
            filled.addAll(propose(history, parallelism - promoted.size(), 1.0, "tpe"));
            return filled;
        }
        return promoted;
    }

    private List<Candidate> propose(List<Trial> history, int count, double fraction, String origin) {
        List<String> ranked = rankedFamilies(history);
        if (ranked.isEmpty()) {
            ranked = families.stream().map(FamilyPlan::name).toList();
        }
        List<Candidate> out = new ArrayList<>();
        Map<String, List<Observation>> observations = observationsByFamily(history);
        for (int i = 0; i < count; i++) {
            String family = pickFamily(ranked);
            FamilyPlan plan = families.stream().filter(f -> f.name().equals(family)).findFirst().orElseThrow();
            Map<String, Object> params = tpe.propose(plan.space(), task, observations.getOrDefault(family, List.of()), rng);
            out.add(new Candidate(family, params, origin, fraction, rng.nextLong()));
        }
        return out;
    }

    private String pickFamily(List<String> ranked) {
        int n = Math.min(ranked.size(), FAMILY_SHARES.length);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += FAMILY_SHARES[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            u -= FAMILY_SHARES[i];
            if (u <= 0) {
                return ranked.get(i);
            }
        }
        return ranked.get(n - 1);
    }

    /** Families ordered by their best full-fidelity loss so far (families without one last, in priority order). */
    List<String> rankedFamilies(List<Trial> history) {
        Map<String, Double> best = new HashMap<>();
        for (Trial t : history) {
            if (t.isFullFidelityOk()) {
                best.merge(t.candidate().family(), t.loss(), Math::min);
            }
        }
        return families.stream().map(FamilyPlan::name).filter(best::containsKey)
                .sorted(Comparator.comparingDouble(best::get)).toList();
    }

    private static Map<String, List<Observation>> observationsByFamily(List<Trial> history) {
        Map<String, List<Observation>> out = new HashMap<>();
        for (Trial t : history) {
            if (t.isFullFidelityOk()) {
                out.computeIfAbsent(t.candidate().family(), k -> new ArrayList<>())
                        .add(new Observation(t.candidate().params(), t.loss()));
            }
        }
        return out;
    }
}
