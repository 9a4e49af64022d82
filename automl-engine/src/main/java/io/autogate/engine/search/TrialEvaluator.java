package io.autogate.engine.search;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.engine.metrics.Metrics;
import io.autogate.engine.metrics.PrimaryMetric;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.predict.FittedFold;
import io.autogate.runtime.schema.TaskType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one trial: fits the candidate on every fold (on a share of the training rows when its
 * fraction is below one), scores the validation rows and computes out-of-fold metrics. Checks
 * the deadline between folds. Thread-safe: trials run concurrently.
 */
public final class TrialEvaluator {
    private final Dataset data;
    private final FoldDataCache folds;
    private final Clock clock;

    /** An evaluator over prepared folds; {@code clock} gives deadlines and fit times. */
    public TrialEvaluator(Dataset data, FoldDataCache folds, Clock clock) {
        this.data = data;
        this.folds = folds;
        this.clock = clock;
    }

    /**
     * What a finished evaluation produced: the trial record, its models when OK, and the clock's
     * time when it finished.
     */
    public record Outcome(Trial trial, TrialModels models, long finishedAtMillis) {
    }

    /** Evaluates a candidate; never throws for a library failure (the trial is FAILED instead). */
    public Outcome evaluate(int id, ModelFamily family, Candidate candidate, long deadlineMillis) {
        TaskType task = data.schema().task();
        int width = task.isClassification() ? data.numClasses() : 1;
        double[][] oof = new double[data.size()][];
        List<FittedFold> fitted = new ArrayList<>();
        double fitSeconds = 0;
        double predictNanos = 0;
        long predictedRows = 0;
        try {
            for (int f = 0; f < folds.plan().folds().size(); f++) {
                if (clock.millis() > deadlineMillis || Thread.currentThread().isInterrupted()) {
                    return new Outcome(failed(id, candidate, TrialStatus.TIMED_OUT, fitSeconds,
                            "stopped at the search deadline after " + f + " folds"), null, clock.millis());
                }
                FoldData fold = folds.get(f, family.needsScaling());
                TrainingSet train = subsample(fold, candidate, f, width);
                long fitStart = clock.millis();
                NumericModel model = family.fit(train, candidate.params(), candidate.seed() + f);
                fitSeconds += (clock.millis() - fitStart) / 1000.0;
                long t1 = System.nanoTime();
                double[][] scores = model.score(fold.validX());
                predictNanos += System.nanoTime() - t1;
                predictedRows += fold.validRows().length;
                for (int j = 0; j < scores.length; j++) {
                    oof[fold.validRows()[j]] = checkRow(scores[j], width);
                }
                fitted.add(new FittedFold(fold.pipeline(), model));
            }
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            return new Outcome(failed(id, candidate, TrialStatus.FAILED, fitSeconds, describe(e)), null, clock.millis());
        }
        java.util.Map<String, Double> metrics = scoreOutOfFold(oof);
        PrimaryMetric metric = PrimaryMetric.of(task);
        double loss = metric.loss(metrics.get(metric.id()));
        if (Double.isNaN(loss)) {
            return new Outcome(failed(id, candidate, TrialStatus.FAILED, fitSeconds, "predictions are not numbers"), null,
                    clock.millis());
        }
        Trial trial = new Trial(id, candidate, TrialStatus.OK, metrics, loss, fitSeconds,
                predictNanos / 1e3 / Math.max(1, predictedRows), null);
        return new Outcome(trial, new TrialModels(oof, fitted), clock.millis());
    }

    /** Metrics of out-of-fold predictions over the rows that have one. */
    public java.util.Map<String, Double> scoreOutOfFold(double[][] oof) {
        int count = 0;
        for (double[] row : oof) {
            if (row != null) {
                count++;
            }
        }
        double[] y = new double[count];
        double[][] p = new double[count][];
        int k = 0;
        for (int i = 0; i < oof.length; i++) {
            if (oof[i] != null) {
                y[k] = data.y()[i];
                p[k++] = oof[i];
            }
        }
        return Metrics.all(data.schema().task(), y, p);
    }

    private TrainingSet subsample(FoldData fold, Candidate candidate, int foldIndex, int width) {
        int n = fold.trainY().length;
        List<String> names = fold.pipeline().featureNames();
        TaskType task = data.schema().task();
        int numClasses = task.isClassification() ? width : 0;
        if (candidate.fraction() >= 1.0) {
            return new TrainingSet(fold.trainX(), fold.trainY(), names, task, numClasses);
        }
        int m = Math.max(Math.min(n, 50), (int) Math.round(n * candidate.fraction()));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(candidate.seed() * 31 + foldIndex);
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, m);
        Arrays.sort(chosen);
        double[][] x = new double[m][];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = fold.trainX()[chosen[i]];
            y[i] = fold.trainY()[chosen[i]];
        }
        return new TrainingSet(x, y, names, task, numClasses);
    }

    private static double[] checkRow(double[] row, int width) {
        if (row.length != width) {
            throw new IllegalStateException("model returned " + row.length + " outputs per row, expected " + width);
        }
        return row;
    }

    private static Trial failed(int id, Candidate candidate, TrialStatus status, double fitSeconds, String error) {
        return new Trial(id, candidate, status, null, Double.POSITIVE_INFINITY, fitSeconds, Double.NaN, error);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
