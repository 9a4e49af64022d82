package io.autogate.engine.search;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.insight.ModelInsights;
import io.autogate.engine.metrics.PrimaryMetric;
import io.autogate.engine.robustness.AdversarialValidation;
import io.autogate.engine.robustness.RobustnessChecks;
import io.autogate.engine.robustness.RobustnessOutcome;
import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.robustness.ShiftColumns;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.engine.validation.FoldPlan;
import io.autogate.engine.validation.FoldPlanner;
import io.autogate.runtime.artifact.InsightCard;
import io.autogate.runtime.schema.TaskType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a search over a dataset within a budget: prepares the validation folds, runs the
 * {@link SearchSchedule}'s batches on a pool of trial threads, keeps the models of the best
 * trials, and ends with the best single trial or a Caruana ensemble of the best when that scores
 * better out of fold. The budget is hard: the search stops taking results at 88% of it, leaving
 * the rest for ensembling and registration; a trial still running then is recorded as timed out.
 * With robustness checks on, the trials get 88% minus the checks' share and the checks run in
 * that share after the search, before the final model is chosen by the selection policy.
 */
public final class AutoMlSearch {
    /** Share of the budget the trials may use; the rest covers ensembling and writing the model. */
    static final double SEARCH_SHARE = 0.88;
    /** Share of the budget set aside for refitting the final model on all rows, when asked for. */
    static final double REFIT_SHARE = 0.12;
    private static final int KEPT_TRIALS = 12;
    private static final int ENSEMBLE_ROUNDS = 30;
    /** Share of the budget by whose end the insight card's permutation importance stops. */
    static final double INSIGHTS_END_SHARE = 0.95;

    private final ModelFamilies families;
    private final SearchSpaceLoader spaces;
    private final Clock clock;

    /** A search over the given families and spaces; {@code clock} drives the budget. */
    public AutoMlSearch(ModelFamilies families, SearchSpaceLoader spaces, Clock clock) {
        this.families = families;
        this.spaces = spaces;
        this.clock = clock;
    }

    /** Runs the search without robustness checks. Throws {@link SearchFailedException} when no trial succeeds. */
    public SearchOutcome run(Dataset data, SearchSettings settings, SearchListener listener) {
        return run(data, settings, RobustnessSettings.off(), listener);
    }

    /**
     * Runs the search, then the robustness checks when {@code robustness} is enabled, and picks the
     * final model by its selection policy. Bad time or domain columns fail before the search starts.
     */
    public SearchOutcome run(Dataset data, SearchSettings settings, RobustnessSettings robustness,
            SearchListener listener) {
        long start = clock.millis();
        ShiftColumns shiftColumns = robustness.enabled() ? ShiftColumns.resolve(data, robustness) : null;
        double checkShare = robustness.enabled() ? robustness.budgetShare() : 0;
        long hardEnd = settings.budget() == null ? Long.MAX_VALUE : start + settings.budget().toMillis();
        double refitShare = settings.refit() ? REFIT_SHARE : 0;
        long refitEnd = settings.budget() == null ? Long.MAX_VALUE
                : start + (long) (settings.budget().toMillis() * SEARCH_SHARE);
        long checksEnd = settings.budget() == null ? Long.MAX_VALUE
                : start + (long) (settings.budget().toMillis() * (SEARCH_SHARE - refitShare));
        long searchEnd = settings.budget() == null ? Long.MAX_VALUE
                : start + (long) (settings.budget().toMillis() * (SEARCH_SHARE - refitShare - checkShare));
        boolean classification = data.schema().task().isClassification();
        FoldPlan plan = FoldPlanner.plan(data.y(), classification, settings.seed());
        FoldDataCache cache = new FoldDataCache(data, plan, settings.seed());
        TrialEvaluator evaluator = new TrialEvaluator(data, cache, clock);
        List<ModelFamily> chosen = families.forTask(data.schema().task(), settings.families());
        List<FamilyPlan> plans = chosen.stream().map(f -> new FamilyPlan(f, spaces.load(f.name()))).toList();
        int trainRows = plan.folds().get(0).train().length;
        SearchSchedule schedule = new SearchSchedule(plans, data.schema().task(), trainRows,
                settings.parallelism(), settings.seed());
        Map<String, ModelFamily> byName = new HashMap<>();
        chosen.forEach(f -> byName.put(f.name(), f));

        List<Trial> trials = new ArrayList<>();
        Map<Integer, TrialModels> kept = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism(), daemonThreads());
        List<FinalMember> members;
        Map<String, Double> metrics;
        FullDataRefit.Result fitted;
        RobustnessOutcome checked = null;
        InsightCard insights;
        try {
            while (clock.millis() < searchEnd) {
                int left = settings.maxTrials() == null ? Integer.MAX_VALUE : settings.maxTrials() - trials.size();
                if (left <= 0) {
                    break;
                }
                List<Candidate> batch = schedule.next(trials);
                if (batch.isEmpty()) {
                    break;
                }
                batch = affordable(batch.subList(0, Math.min(left, batch.size())), trials, searchEnd);
                if (batch.isEmpty()) {
                    break;
                }
                boolean anyOk = trials.stream().anyMatch(Trial::isFullFidelityOk);
                long deadline = anyOk ? searchEnd : hardEnd;
                List<Future<TrialEvaluator.Outcome>> futures = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    int id = trials.size() + i + 1;
                    Candidate c = batch.get(i);
                    futures.add(pool.submit(() -> evaluator.evaluate(id, byName.get(c.family()), c, deadline)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    int id = trials.size() + 1;
                    boolean nothingYet = trials.stream().noneMatch(Trial::isFullFidelityOk);
                    Trial trial;
                    TrialEvaluator.Outcome outcome = await(futures.get(i), nothingYet ? hardEnd : searchEnd, id, batch.get(i));
                    if (!nothingYet && outcome.finishedAtMillis() > searchEnd && outcome.trial().status() == TrialStatus.OK) {
                        // finished, but after the search deadline: the budget belongs to ensembling and registration
                        trial = timedOut(outcome.trial(), "finished after the search deadline");
                        outcome = new TrialEvaluator.Outcome(trial, null, outcome.finishedAtMillis());
                    }
                    trial = outcome.trial();
                    trials.add(trial);
                    if (outcome.models() != null && trial.isFullFidelityOk()) {
                        kept.put(trial.id(), outcome.models());
                        evictBeyondTop(trials, kept);
                    }
                    listener.trialFinished(trial, best(trials), trials.size(), (clock.millis() - start) / 1000.0);
                }
            }
            if (kept.isEmpty()) {
                throw new SearchFailedException(describeFailure(trials, settings));
            }
            members = selectFinal(trials, kept, data, evaluator);
            if (robustness.enabled()) {
                List<Trial> top = trials.stream().filter(t -> kept.containsKey(t.id()))
                        .sorted(Comparator.comparingDouble(Trial::loss).thenComparingInt(Trial::id))
                        .limit(robustness.candidates()).toList();
                RobustnessChecks.Inputs inputs = new RobustnessChecks.Inputs(data, plan, shiftColumns, top, kept, members,
                        byName, adversary(chosen, settings.seed()), settings.seed());
                checked = new RobustnessChecks(clock, pool, settings.parallelism())
                        .run(inputs, robustness.policy(), checksEnd);
                members = checked.pickedMembers().get(robustness.policy());
            }
            double[][] outOfFold = FinalMember.combinedOutOfFold(members, kept, data.size());
            metrics = evaluator.scoreOutOfFold(outOfFold);
            fitted = settings.refit()
                    ? FullDataRefit.refit(data, members, byName, trainRows, plan.folds().size(), settings.seed(), pool,
                            settings.parallelism(), clock, refitEnd)
                    : FullDataRefit.bagged(members, plan.folds().size(), null);
            long insightsEnd = settings.budget() == null ? Long.MAX_VALUE
                    : start + (long) (settings.budget().toMillis() * INSIGHTS_END_SHARE);
            insights = new ModelInsights(data, plan, members, outOfFold, settings.seed()).compute(clock, insightsEnd);
        } finally {
            pool.shutdownNow();
        }
        return new SearchOutcome(trials, fitted.members(), metrics, PrimaryMetric.of(data.schema().task()),
                plan.describe(classification), (clock.millis() - start) / 1000.0, checked, fitted.description(), insights);
    }

    /**
     * The adversarial classifier of the checks: the random forest when it is among the run's
     * families, otherwise the first family that can learn a binary task, with its first (cheapest)
     * portfolio configuration.
     */
    private AdversarialValidation adversary(List<ModelFamily> chosen, long seed) {
        ModelFamily family = chosen.stream().filter(f -> f.name().equals("random_forest")).findFirst()
                .or(() -> chosen.stream().filter(f -> f.supports(TaskType.BINARY)).findFirst())
                .orElse(null);
        if (family == null) {
            return null;
        }
        var space = spaces.load(family.name());
        var portfolio = space.portfolio(TaskType.BINARY);
        Map<String, Object> params = portfolio.isEmpty() ? space.defaults(TaskType.BINARY)
                : portfolio.get(0).params();
        return new AdversarialValidation(family, params, clock);
    }

    /**
     * Drops candidates that, judging by their family's earlier trials, would not finish before
     * the search deadline. Families not tried yet are always affordable.
     */
    private List<Candidate> affordable(List<Candidate> batch, List<Trial> trials, long searchEnd) {
        if (searchEnd == Long.MAX_VALUE) {
            return batch;
        }
        long now = clock.millis();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : batch) {
            double secondsPerFraction = trials.stream()
                    .filter(t -> t.candidate().family().equals(c.family()) && t.status() == TrialStatus.OK)
                    .mapToDouble(t -> t.fitSeconds() / t.candidate().fraction())
                    .average().orElse(0);
            if (now + secondsPerFraction * c.fraction() * 1000 <= searchEnd) {
                out.add(c);
            }
        }
        return out;
    }

    private static Trial timedOut(Trial t, String why) {
        return new Trial(t.id(), t.candidate(), TrialStatus.TIMED_OUT, null, Double.POSITIVE_INFINITY, t.fitSeconds(),
                Double.NaN, why);
    }

    private TrialEvaluator.Outcome await(Future<TrialEvaluator.Outcome> future, long until, int id, Candidate c) {
        try {
            long wait = Math.max(0, until - clock.millis());
            return until == Long.MAX_VALUE ? future.get() : future.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new TrialEvaluator.Outcome(new Trial(id, c, TrialStatus.TIMED_OUT, null, Double.POSITIVE_INFINITY,
                    Double.NaN, Double.NaN, "still running at the search deadline"), null, clock.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchFailedException("the search was interrupted");
        } catch (ExecutionException e) {
            return new TrialEvaluator.Outcome(new Trial(id, c, TrialStatus.FAILED, null, Double.POSITIVE_INFINITY,
                    Double.NaN, Double.NaN, String.valueOf(e.getCause())), null, clock.millis());
        }
    }

    private static void evictBeyondTop(List<Trial> trials, Map<Integer, TrialModels> kept) {
        if (kept.size() <= KEPT_TRIALS) {
            return;
        }
        trials.stream().filter(t -> kept.containsKey(t.id()))
                .sorted(Comparator.comparingDouble(Trial::loss).thenComparingInt(Trial::id))
                .skip(KEPT_TRIALS)
                .forEach(t -> kept.remove(t.id()));
    }

    private static Trial best(List<Trial> trials) {
        return trials.stream().filter(Trial::isFullFidelityOk)
                .min(Comparator.comparingDouble(Trial::loss).thenComparingInt(Trial::id)).orElse(null);
    }

    private static List<FinalMember> selectFinal(List<Trial> trials, Map<Integer, TrialModels> kept, Dataset data,
            TrialEvaluator evaluator) {
        List<Trial> top = trials.stream().filter(t -> kept.containsKey(t.id()))
                .sorted(Comparator.comparingDouble(Trial::loss).thenComparingInt(Trial::id)).toList();
        Trial best = top.get(0);
        List<FinalMember> single = List.of(new FinalMember(best, 1.0, kept.get(best.id()).folds()));
        if (top.size() < 2) {
            return single;
        }
        int[] rows = scoredRows(kept.get(best.id()).outOfFold());
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = data.y()[rows[i]];
        }
        List<double[][]> predictions = new ArrayList<>();
        for (Trial t : top) {
            double[][] oof = kept.get(t.id()).outOfFold();
            double[][] p = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                p[i] = oof[rows[i]];
            }
            predictions.add(p);
        }
        PrimaryMetric metric = PrimaryMetric.of(data.schema().task());
        CaruanaEnsemble.Selection selection = CaruanaEnsemble.select(predictions, y, metric, ENSEMBLE_ROUNDS);
        if (selection.weights().size() < 2 || !(selection.loss() < best.loss() - 1e-12)) {
            return single;
        }
        List<FinalMember> members = new ArrayList<>();
        selection.weights().forEach((index, weight) -> {
            Trial t = top.get(index);
            members.add(new FinalMember(t, weight, kept.get(t.id()).folds()));
        });
        return members;
    }

    private static int[] scoredRows(double[][] oof) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < oof.length; i++) {
            if (oof[i] != null) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String describeFailure(List<Trial> trials, SearchSettings settings) {
        if (trials.isEmpty()) {
            return "no trial could start within the budget; raise --budget";
        }
        long timedOut = trials.stream().filter(t -> t.status() == TrialStatus.TIMED_OUT).count();
        Trial last = trials.get(trials.size() - 1);
        if (timedOut == trials.size()) {
            return "no trial finished within the " + settings.budget().toSeconds() + "s budget; raise --budget";
        }
        return "every trial failed; the last error: " + last.error();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "autogate-trial-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
