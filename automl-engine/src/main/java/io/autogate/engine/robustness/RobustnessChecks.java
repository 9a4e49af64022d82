package io.autogate.engine.robustness;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.metrics.PrimaryMetric;
import io.autogate.engine.search.Candidate;
import io.autogate.engine.search.FinalMember;
import io.autogate.engine.search.FoldDataCache;
import io.autogate.engine.search.Trial;
import io.autogate.engine.search.TrialEvaluator;
import io.autogate.engine.search.TrialModels;
import io.autogate.engine.validation.FoldPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Refits the top candidates on each shifted split and scores them on its test rows, with the
 * engine's own fold preparation ({@link FoldDataCache}) and trial code ({@link TrialEvaluator}),
 * then measures seed spread and lets each {@link SelectionPolicy} pick. Splits run in order
 * while the deadline allows: a split is started only when the candidates' past fit times say it
 * ends in time, and a fit still running at the deadline is cancelled and its split dropped, so
 * the run's hard budget holds. An ensemble is scored on a split from its members' predictions.
 */
public final class RobustnessChecks {
    static final int SEEDS = 3;
    /** The fewest splits the checked candidates should get through; slower top trials are dropped for it. */
    static final int MIN_SPLITS = 3;
    private static final long SEED_STEP = 1_000_003L;

    private final Clock clock;
    private final ExecutorService pool;
    private final int parallelism;

    /** Checks that run fits on {@code pool} ({@code parallelism} at a time) and read time from {@code clock}. */
    public RobustnessChecks(Clock clock, ExecutorService pool, int parallelism) {
        this.clock = clock;
        this.pool = pool;
        this.parallelism = parallelism;
    }

    /** What the checks need from the search. */
    public record Inputs(Dataset data, FoldPlan plan, ShiftColumns columns, List<Trial> topTrials,
            Map<Integer, TrialModels> models, List<FinalMember> iidPick, Map<String, ModelFamily> families,
            AdversarialValidation adversary, long seed) {
    }

    /** Runs the checks until {@code deadlineMillis} and picks with {@code policy}. */
    public RobustnessOutcome run(Inputs in, SelectionPolicy policy, long deadlineMillis) {
        PrimaryMetric metric = PrimaryMetric.of(in.data().schema().task());
        long buildStart = clock.millis();
        List<ShiftedSplit> splits = buildStart < deadlineMillis
                ? ShiftedSplits.build(in.data(), in.columns(), in.plan(), in.adversary(), in.seed()) : List.of();
        // building is dominated by the adversary's two fits, about what one shift magnitude costs
        long adversaryMillis = clock.millis() - buildStart;
        List<String> notes = new ArrayList<>(in.columns().notes());
        List<Trial> top = affordableTop(in, deadlineMillis);
        if (top.size() < in.topTrials().size()) {
            notes.add("checked " + top.size() + " of the " + in.topTrials().size()
                    + " top trials: the slower ones would not leave time for " + MIN_SPLITS + " splits");
        }
        LinkedHashSet<Trial> evaluated = new LinkedHashSet<>();
        in.iidPick().forEach(m -> evaluated.add(m.trial()));
        evaluated.addAll(top);
        boolean ensemble = in.iidPick().size() > 1;
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        Map<String, Double> magnitude = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        double secondsPerSplit = secondsPerSplit(in, evaluated);
        for (ShiftedSplit split : splits) {
            if (clock.millis() + secondsPerSplit * 1000 > deadlineMillis) {
                skipped.add(split.label());
                continue;
            }
            Map<Trial, double[][]> predictions = predict(in, split, List.copyOf(evaluated), deadlineMillis);
            if (predictions == null) {
                skipped.add(split.label());
                continue;
            }
            double[] y = testTargets(in.data(), split.test());
            predictions.forEach((t, p) -> scores.computeIfAbsent(label(t), k -> new LinkedHashMap<>())
                    .put(split.label(), metric.value(y, p)));
            if (ensemble) {
                scores.computeIfAbsent("ensemble", k -> new LinkedHashMap<>())
                        .put(split.label(), metric.value(y, weighted(in.iidPick(), predictions)));
            }
            if (!(split instanceof ShiftedSplit.Perturbed) && in.adversary() != null
                    && clock.millis() + adversaryMillis <= deadlineMillis) {
                magnitude.put(split.label(), in.adversary().auc(in.data(), split.train(), split.test(),
                        definingColumn(split), in.seed()));
            }
        }
        List<String> scorable = splits.stream().map(ShiftedSplit::label).filter(l -> !skipped.contains(l))
                .filter(l -> scores.values().stream().allMatch(m -> m.containsKey(l) && Double.isFinite(m.get(l))))
                .toList();
        List<RobustnessReport> reports = new ArrayList<>();
        if (ensemble) {
            reports.add(report("ensemble", null, "ensemble", metric, iidScore(in, in.iidPick(), metric),
                    scores.getOrDefault("ensemble", Map.of()), scorable, null));
        }
        for (Trial t : evaluated) {
            if (!top.contains(t)) {
                continue;
            }
            Map<String, Double> own = scores.getOrDefault(label(t), Map.of());
            RobustnessReport.SeedSpread spread = seedSpread(in, t, splits, own, scorable, metric, deadlineMillis);
            reports.add(report(label(t), t.id(), t.candidate().family(), metric, t.metrics().get(metric.id()), own, scorable,
                    spread));
        }
        Map<SelectionPolicy, String> picks = new EnumMap<>(SelectionPolicy.class);
        Map<SelectionPolicy, List<FinalMember>> members = new EnumMap<>(SelectionPolicy.class);
        for (SelectionPolicy p : SelectionPolicy.values()) {
            RobustnessReport best = pick(reports, p);
            picks.put(p, best.candidate());
            members.put(p, best.trial() == null ? in.iidPick()
                    : List.of(new FinalMember(trialById(evaluated, best.trial()), 1.0, in.models().get(best.trial()).folds())));
        }
        return new RobustnessOutcome(policy, splits, magnitude, skipped, reports, picks, members, notes);
    }

    /** Estimated seconds one split takes: a fold's fit of each trial, {@code parallelism} at a time. */
    private double secondsPerSplit(Inputs in, java.util.Collection<Trial> trials) {
        return trials.stream().mapToDouble(t -> t.fitSeconds() / in.plan().folds().size()).sum()
                / Math.max(1, Math.min(parallelism, trials.size()));
    }

    /**
     * The top trials to check: the slowest ones that are not part of the search's own pick are
     * dropped while the rest could not get through {@value #MIN_SPLITS} splits before the deadline.
     */
    private List<Trial> affordableTop(Inputs in, long deadlineMillis) {
        List<Trial> top = new ArrayList<>(in.topTrials());
        if (deadlineMillis == Long.MAX_VALUE) {
            return top;
        }
        java.util.Set<Trial> members = new java.util.HashSet<>();
        in.iidPick().forEach(m -> members.add(m.trial()));
        while (true) {
            LinkedHashSet<Trial> all = new LinkedHashSet<>(members);
            all.addAll(top);
            if (clock.millis() + secondsPerSplit(in, all) * MIN_SPLITS * 1000 <= deadlineMillis) {
                return top;
            }
            java.util.Optional<Trial> slowest = top.stream().filter(t -> !members.contains(t))
                    .max(Comparator.comparingDouble(Trial::fitSeconds).thenComparingInt(Trial::id));
            if (slowest.isEmpty()) {
                return top;
            }
            top.remove(slowest.get());
        }
    }

    /** The candidate a policy picks: the lowest policy score, ties to the lower iid loss, then the earlier report. */
    static RobustnessReport pick(List<RobustnessReport> reports, SelectionPolicy policy) {
        return reports.stream().min(Comparator.comparingDouble((RobustnessReport r) -> policyScore(r, policy))
                .thenComparingDouble(r -> r.metric().loss(r.iidScore()))).orElseThrow();
    }

    /** The policy's score of a report (see {@link SelectionPolicy}). */
    static double policyScore(RobustnessReport r, SelectionPolicy policy) {
        double iid = r.metric().loss(r.iidScore());
        if (r.shiftedScores().isEmpty()) {
            return policy.score(iid, iid, iid);
        }
        double mean = r.shiftedScores().values().stream().mapToDouble(r.metric()::loss).average().orElse(iid);
        double worst = r.metric().loss(r.worstScore());
        return policy.score(iid, mean, worst);
    }

    private static RobustnessReport report(String label, Integer trial, String family, PrimaryMetric metric, double iid,
            Map<String, Double> scores, List<String> scorable, RobustnessReport.SeedSpread spread) {
        Map<String, Double> kept = new LinkedHashMap<>();
        scorable.forEach(l -> kept.put(l, scores.get(l)));
        return new RobustnessReport(label, trial, family, metric, iid, kept, spread);
    }

    /** Each trial's predictions for the split's test rows, or {@code null} when any fit failed or ran out of time. */
    private Map<Trial, double[][]> predict(Inputs in, ShiftedSplit split, List<Trial> trials, long deadlineMillis) {
        Dataset data = split.testData(in.data());
        FoldPlan single = new FoldPlan(List.of(new FoldPlan.Fold(split.train(), split.test())), true);
        TrialEvaluator evaluator = new TrialEvaluator(data, new FoldDataCache(data, single, in.seed()), clock);
        List<Candidate> candidates = trials.stream().map(Trial::candidate).toList();
        List<double[][]> out = evaluate(evaluator, in.families(), candidates, split.test(), deadlineMillis);
        if (out == null) {
            return null;
        }
        Map<Trial, double[][]> byTrial = new LinkedHashMap<>();
        for (int i = 0; i < trials.size(); i++) {
            byTrial.put(trials.get(i), out.get(i));
        }
        return byTrial;
    }

    private List<double[][]> evaluate(TrialEvaluator evaluator, Map<String, ModelFamily> families,
            List<Candidate> candidates, int[] rows, long deadlineMillis) {
        List<Future<TrialEvaluator.Outcome>> futures = new ArrayList<>();
        for (Candidate c : candidates) {
            futures.add(pool.submit(() -> evaluator.evaluate(0, families.get(c.family()), c, deadlineMillis)));
        }
        List<double[][]> out = new ArrayList<>();
        try {
            for (Future<TrialEvaluator.Outcome> f : futures) {
                TrialEvaluator.Outcome o = deadlineMillis == Long.MAX_VALUE ? f.get()
                        : f.get(Math.max(0, deadlineMillis - clock.millis()), TimeUnit.MILLISECONDS);
                if (o.models() == null || o.finishedAtMillis() > deadlineMillis) {
                    futures.forEach(x -> x.cancel(true));
                    return null;
                }
                double[][] oof = o.models().outOfFold();
                double[][] p = new double[rows.length][];
                for (int k = 0; k < rows.length; k++) {
                    p[k] = oof[rows[k]];
                }
                out.add(p);
            }
        } catch (TimeoutException | ExecutionException e) {
            futures.forEach(x -> x.cancel(true));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(x -> x.cancel(true));
            return null;
        }
        return out;
    }

    /**
     * Refits a trial with {@value #SEEDS} seeds in all (its own and two more) on the first iid
     * fold and on its worst shifted split: the spread of the scores and of the predictions.
     */
    private RobustnessReport.SeedSpread seedSpread(Inputs in, Trial t, List<ShiftedSplit> splits,
            Map<String, Double> own, List<String> scorable, PrimaryMetric metric, long deadlineMillis) {
        double perFit = t.fitSeconds() / in.plan().folds().size();
        if (clock.millis() + perFit * 2 * (SEEDS - 1) * 1000 / Math.min(parallelism, SEEDS - 1) > deadlineMillis) {
            return null;
        }
        FoldPlan.Fold fold = in.plan().folds().get(0);
        List<Candidate> reseeded = new ArrayList<>();
        for (int s = 1; s < SEEDS; s++) {
            Candidate c = t.candidate();
            reseeded.add(new Candidate(c.family(), c.params(), c.origin(), 1.0, c.seed() + s * SEED_STEP));
        }
        FoldPlan first = new FoldPlan(List.of(fold), true);
        TrialEvaluator iidEvaluator = new TrialEvaluator(in.data(), new FoldDataCache(in.data(), first, in.seed()), clock);
        List<double[][]> iid = evaluate(iidEvaluator, in.families(), reseeded, fold.valid(), deadlineMillis);
        if (iid == null) {
            return null;
        }
        double[][] original = new double[fold.valid().length][];
        double[][] oof = in.models().get(t.id()).outOfFold();
        for (int k = 0; k < original.length; k++) {
            original[k] = oof[fold.valid()[k]];
        }
        iid.add(0, original);
        double[] yIid = testTargets(in.data(), fold.valid());
        double iidStd = std(iid.stream().mapToDouble(p -> metric.value(yIid, p)).toArray());
        double predictionStd = predictionSpread(iid);
        String worst = scorable.stream().max(Comparator.comparingDouble(l -> metric.loss(own.get(l)))).orElse(null);
        double shiftedStd = Double.NaN;
        if (worst != null) {
            ShiftedSplit split = splits.stream().filter(s -> s.label().equals(worst)).findFirst().orElseThrow();
            Dataset data = split.testData(in.data());
            FoldPlan single = new FoldPlan(List.of(new FoldPlan.Fold(split.train(), split.test())), true);
            List<double[][]> shifted = evaluate(new TrialEvaluator(data, new FoldDataCache(data, single, in.seed()), clock),
                    in.families(), reseeded, split.test(), deadlineMillis);
            if (shifted != null) {
                double[] y = testTargets(in.data(), split.test());
                double[] values = new double[SEEDS];
                values[0] = own.get(worst);
                for (int s = 1; s < SEEDS; s++) {
                    values[s] = metric.value(y, shifted.get(s - 1));
                }
                shiftedStd = std(values);
            }
        }
        return new RobustnessReport.SeedSpread(SEEDS, iidStd, predictionStd, worst, shiftedStd);
    }

    /** Mean over rows and outputs of the standard deviation across seeds. */
    private static double predictionSpread(List<double[][]> bySeed) {
        double sum = 0;
        long count = 0;
        double[][] first = bySeed.get(0);
        for (int i = 0; i < first.length; i++) {
            for (int k = 0; k < first[i].length; k++) {
                double[] v = new double[bySeed.size()];
                for (int s = 0; s < v.length; s++) {
                    v[s] = bySeed.get(s)[i][k];
                }
                sum += std(v);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    static double std(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return v.length < 2 ? 0 : Math.sqrt(ss / (v.length - 1));
    }

    private static double[][] weighted(List<FinalMember> members, Map<Trial, double[][]> predictions) {
        double[][] first = predictions.get(members.get(0).trial());
        double[][] out = new double[first.length][first[0].length];
        for (FinalMember m : members) {
            double[][] p = predictions.get(m.trial());
            for (int i = 0; i < out.length; i++) {
                for (int k = 0; k < out[i].length; k++) {
                    out[i][k] += m.weight() * p[i][k];
                }
            }
        }
        return out;
    }

    private static double iidScore(Inputs in, List<FinalMember> members, PrimaryMetric metric) {
        double[][] out = FinalMember.combinedOutOfFold(members, in.models(), in.data().size());
        int[] rows = java.util.stream.IntStream.range(0, out.length).filter(i -> out[i] != null).toArray();
        double[][] p = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            p[k] = out[rows[k]];
        }
        return metric.value(testTargets(in.data(), rows), p);
    }

    private static double[] testTargets(Dataset data, int[] rows) {
        double[] y = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            y[k] = data.y()[rows[k]];
        }
        return y;
    }

    private static String definingColumn(ShiftedSplit split) {
        return switch (split) {
            case ShiftedSplit.OutOfTime t -> t.column();
            case ShiftedSplit.DomainHoldOut d -> d.column();
            case ShiftedSplit.QuantileTails q -> q.column();
            default -> null;
        };
    }

    private static Trial trialById(Iterable<Trial> trials, int id) {
        for (Trial t : trials) {
            if (t.id() == id) {
                return t;
            }
        }
        throw new IllegalStateException("no trial " + id);
    }

    /** How a single trial is named in reports: {@code trial 7 xgboost}. */
    public static String label(Trial t) {
        return "trial " + t.id() + " " + t.candidate().family();
    }
}
