package io.autogate.engine.search;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.engine.features.FittedPipeline;
import io.autogate.engine.features.PipelineFitter;
import io.autogate.engine.features.PipelineOptions;
import io.autogate.runtime.predict.FittedFold;
import io.autogate.runtime.schema.TaskType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Refits the final model's members on all rows, H2O's way: one model per member, fitted with the
 * member's configuration and seed on a pipeline fitted on every row, instead of one model per
 * validation fold. Predictions cost a fold count's fraction of the bagged model's; the reported
 * scores stay the out-of-fold estimates of the searched fold models.
 *
 * <p>The refit shares the run's budget: it starts only when the members' past fit times say it
 * can finish before the deadline, and when any member is still fitting at the deadline, or one
 * fails, the bagged fold models are kept. Either way {@link Result#description()} says what the
 * final model is. Members fit in parallel on the search's pool.
 */
final class FullDataRefit {
    /** Safety factor on the fit-time estimate: a full-data fit also fits its pipeline. */
    private static final double ESTIMATE_MARGIN = 1.25;

    private FullDataRefit() {
    }

    /** The final members after the attempt and the final model's fitting in words. */
    record Result(List<FinalMember> members, String description) {
        Result {
            members = List.copyOf(members);
        }
    }

    /** The members' models as searched: one per validation fold, averaged. */
    static Result bagged(List<FinalMember> members, int folds, String why) {
        String base = folds == 1 ? "holdout model (fitted on the training share of the rows)"
                : "bagged: each member averages its " + folds + " fold models";
        return new Result(members, why == null ? base : base + "; refit on all rows skipped: " + why);
    }

    /**
     * Refits {@code members} on every row of {@code data} when it fits before {@code deadlineMillis}.
     *
     * @param trainRowsPerFold rows each searched fold model was fitted on (for the time estimate)
     * @param folds            number of searched folds per member
     */
    static Result refit(Dataset data, List<FinalMember> members, Map<String, ModelFamily> byName, int trainRowsPerFold,
            int folds, long seed, ExecutorService pool, int parallelism, Clock clock, long deadlineMillis) {
        double scale = (double) data.size() / Math.max(1, trainRowsPerFold);
        double seconds = members.stream().mapToDouble(m -> m.trial().fitSeconds() / folds * scale).sum()
                * ESTIMATE_MARGIN / Math.min(parallelism, members.size());
        long left = deadlineMillis - clock.millis();
        if (deadlineMillis != Long.MAX_VALUE && seconds * 1000 > left) {
            return bagged(members, folds, String.format(Locale.ROOT, "it needs about %.1f s, %.1f s of the budget left",
                    seconds, Math.max(0, left) / 1000.0));
        }
        List<Future<FinalMember>> futures = new ArrayList<>();
        Map<Boolean, FittedPipeline> pipelines = new java.util.concurrent.ConcurrentHashMap<>();
        for (FinalMember member : members) {
            ModelFamily family = byName.get(member.trial().candidate().family());
            futures.add(pool.submit(() -> fit(data, member, family, pipelines, seed + folds)));
        }
        List<FinalMember> refitted = new ArrayList<>();
        try {
            for (Future<FinalMember> future : futures) {
                long wait = Math.max(0, deadlineMillis - clock.millis());
                refitted.add(deadlineMillis == Long.MAX_VALUE ? future.get() : future.get(wait, TimeUnit.MILLISECONDS));
            }
        } catch (TimeoutException e) {
            futures.forEach(f -> f.cancel(true));
            return bagged(members, folds, "it was still running at the deadline");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            return bagged(members, folds, "a member's fit failed (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new SearchFailedException("the search was interrupted");
        }
        return new Result(refitted, "refit on all " + data.size() + " rows: one model per member");
    }

    private static FinalMember fit(Dataset data, FinalMember member, ModelFamily family,
            Map<Boolean, FittedPipeline> pipelines, long pipelineSeed) {
        boolean scaled = family.needsScaling();
        // fold pipelines take seed + fold index; the full-data pipeline the seed after the last fold's
        FittedPipeline fitted = pipelines.computeIfAbsent(scaled, s -> PipelineFitter.fit(data.schema(), data.rows(),
                data.y(), s ? PipelineOptions.forScaled() : PipelineOptions.forTrees(), pipelineSeed));
        TaskType task = data.schema().task();
        TrainingSet set = new TrainingSet(fitted.trainFeatures(), data.y(), fitted.pipeline().featureNames(), task,
                task.isClassification() ? data.numClasses() : 0);
        Candidate c = member.trial().candidate();
        return new FinalMember(member.trial(), member.weight(),
                List.of(new FittedFold(fitted.pipeline(), family.fit(set, c.params(), c.seed()))));
    }
}
