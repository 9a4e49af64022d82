package io.autogate.engine.features;

import io.autogate.runtime.pipeline.CategoryTable;
import io.autogate.runtime.pipeline.Scaling;
import io.autogate.runtime.pipeline.TargetEncodingTransform;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits target encodings for the columns of one training set: the m-estimate
 * {@code (sum + m * prior) / (count + m)} with {@code m = }{@value #SMOOTHING}, per output (the
 * target for regression, P(class 1) for binary, one per class for multiclass). The returned
 * transform is fitted on all rows; the training outputs are cross-fitted over {@value #FOLDS}
 * folds (stratified by class for classification), each row encoded from the other folds only,
 * as scikit-learn's {@code TargetEncoder.fit_transform} does. The folds are drawn once from the
 * seed and shared by every column.
 */
final class TargetEncoder {
    /** Weight of the prior in the m-estimate, in rows. */
    static final double SMOOTHING = 10;
    /** Number of cross-fitting folds. */
    static final int FOLDS = 5;

    private final double[] y;
    private final TaskType task;
    private final List<String> classes;
    private final int outputs;
    private final int[] fold;
    private final int numFolds;

    TargetEncoder(double[] y, TaskType task, List<String> classes, long seed) {
        this.y = y;
        this.task = task;
        this.classes = List.copyOf(classes);
        this.outputs = task == TaskType.MULTICLASS ? classes.size() : 1;
        this.numFolds = Math.max(1, Math.min(FOLDS, y.length));
        this.fold = assignFolds(seed);
    }

    /** Fold of each row: a seeded shuffle, then (classification) grouped by class, dealt round robin. */
    private int[] assignFolds(long seed) {
        int n = y.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] order = perm;
        if (task.isClassification()) { // stable counting sort by class keeps the shuffle within a class
            int k = classes.size();
            int[] start = new int[k + 1];
            for (double v : y) {
                start[(int) v + 1]++;
            }
            for (int c = 0; c < k; c++) {
                start[c + 1] += start[c];
            }
            order = new int[n];
            for (int i : perm) {
                order[start[(int) y[i]]++] = i;
            }
        }
        int[] f = new int[n];
        for (int r = 0; r < n; r++) {
            f[order[r]] = r % numFolds;
        }
        return f;
    }

    private double target(int row, int output) {
        return switch (task) {
            case REGRESSION -> y[row];
            case BINARY -> y[row] == 1 ? 1 : 0;
            case MULTICLASS -> y[row] == output ? 1 : 0;
        };
    }

    /** Fits one column: the full-data transform plus cross-fitted (and, if scaling, standardised) training outputs. */
    FittedColumn fit(String column, CategoryCounts counts, boolean scale) {
        int n = y.length;
        int cats = counts.cardinality();
        int w = outputs;
        double[] sum = new double[cats * w];
        double[] foldSum = new double[numFolds * cats * w];
        int[] foldCount = new int[numFolds * cats];
        double[] total = new double[w];
        double[] foldTotal = new double[numFolds * w];
        int[] foldRows = new int[numFolds];
        for (int i = 0; i < n; i++) {
            int f = fold[i];
            int c = counts.codes[i];
            foldRows[f]++;
            if (c >= 0) {
                foldCount[f * cats + c]++;
            }
            for (int j = 0; j < w; j++) {
                double t = target(i, j);
                total[j] += t;
                foldTotal[f * w + j] += t;
                if (c >= 0) {
                    sum[c * w + j] += t;
                    foldSum[(f * cats + c) * w + j] += t;
                }
            }
        }
        double[] prior = new double[w];
        for (int j = 0; j < w; j++) {
            prior[j] = total[j] / n;
        }
        double[][] encodings = new double[cats][w];
        for (int c = 0; c < cats; c++) {
            for (int j = 0; j < w; j++) {
                encodings[c][j] = (sum[c * w + j] + SMOOTHING * prior[j]) / (counts.counts[c] + SMOOTHING);
            }
        }
        double[][] foldPrior = new double[numFolds][w];
        for (int f = 0; f < numFolds; f++) {
            int rest = n - foldRows[f];
            for (int j = 0; j < w; j++) {
                foldPrior[f][j] = rest == 0 ? prior[j] : (total[j] - foldTotal[f * w + j]) / rest;
            }
        }
        double[][] crossFitted = new double[w][n];
        for (int i = 0; i < n; i++) {
            int f = fold[i];
            int c = counts.codes[i];
            for (int j = 0; j < w; j++) {
                if (c < 0) {
                    crossFitted[j][i] = foldPrior[f][j];
                } else {
                    double s = sum[c * w + j] - foldSum[(f * cats + c) * w + j];
                    int m = counts.counts[c] - foldCount[f * cats + c];
                    crossFitted[j][i] = (s + SMOOTHING * foldPrior[f][j]) / (m + SMOOTHING);
                }
            }
        }
        List<Scaling> scalings = new ArrayList<>(w);
        List<Double> priors = new ArrayList<>(w);
        List<String> names = new ArrayList<>(w);
        for (int j = 0; j < w; j++) {
            Scaling s = ColumnStatistics.scalingOf(crossFitted[j], scale);
            for (int i = 0; i < n; i++) {
                crossFitted[j][i] = s.apply(crossFitted[j][i]);
            }
            scalings.add(s);
            priors.add(prior[j]);
            names.add(task == TaskType.MULTICLASS ? column + "_target_" + classes.get(j) : column + "_target");
        }
        TargetEncodingTransform transform = new TargetEncodingTransform(column,
                new CategoryTable(counts.categories, encodings), priors, scalings, names);
        return new FittedColumn(transform, crossFitted);
    }
}
