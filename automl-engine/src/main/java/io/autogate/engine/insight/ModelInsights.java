package io.autogate.engine.insight;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.metrics.PrimaryMetric;
import io.autogate.engine.search.FinalMember;
import io.autogate.engine.validation.FoldPlan;
import io.autogate.engine.validation.RowSampling;
import io.autogate.runtime.artifact.InsightCard;
import io.autogate.runtime.predict.FittedFold;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.Row;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the insight card of a final model from its out-of-fold predictions. Feature importance is
 * permutation importance on out-of-fold rows: for a seeded sample of at most {@value #MAX_ROWS}
 * validated rows, each input column's values are shuffled among the sample (one seeded shuffle per
 * column), every row is scored again by the fold models that never saw it (weighted as in the final
 * model), and the importance is how much the primary metric's loss rises. Classification adds the
 * confusion matrix of the most probable class over every validated row (up to
 * {@value #MAX_CLASSES} classes), regression a seeded sample of at most {@value #MAX_POINTS}
 * (actual, predicted) pairs. Columns are scored until {@code deadlineMillis}; the ones left then
 * are named in the card's source.
 */
public final class ModelInsights {
    /** Rows the permutation importance is measured on. */
    static final int MAX_ROWS = 1000;
    /** Points of the predicted-vs-actual sample. */
    static final int MAX_POINTS = 400;
    /** Largest class count that gets a confusion matrix. */
    static final int MAX_CLASSES = 20;

    private final Dataset data;
    private final List<FinalMember> members;
    private final double[][] outOfFold;
    private final long seed;
    private final Map<Integer, Integer> foldOf;

    /**
     * Insights of {@code members} (fold models, one per fold of {@code plan}) whose weighted
     * out-of-fold predictions over the data's rows are {@code outOfFold} ({@code null} for rows no
     * fold validated).
     */
    public ModelInsights(Dataset data, FoldPlan plan, List<FinalMember> members, double[][] outOfFold, long seed) {
        this.data = data;
        this.members = List.copyOf(members);
        this.outOfFold = outOfFold;
        this.seed = seed;
        this.foldOf = foldOfRows(plan);
    }

    /** The card; importance covers the columns scored before {@code deadlineMillis} on {@code clock}. */
    public InsightCard compute(Clock clock, long deadlineMillis) {
        int[] scored = scoredRows();
        PrimaryMetric metric = PrimaryMetric.of(data.schema().task());
        int[] sample = sample(scored, MAX_ROWS, seed ^ 0x5DEECE66DL);
        List<ColumnSpec> features = data.schema().featureColumns();
        List<InsightCard.FeatureImportance> importance = new ArrayList<>();
        double base = loss(metric, sample, outOfFoldOf(sample));
        int done = 0;
        for (ColumnSpec column : features) {
            if (clock.millis() > deadlineMillis || Thread.currentThread().isInterrupted()) {
                break;
            }
            double[][] permuted = scoreWithShuffled(sample, column.name(), seed * 31 + done);
            importance.add(new InsightCard.FeatureImportance(column.name(), round(loss(metric, sample, permuted) - base)));
            done++;
        }
        importance.sort(Comparator.comparingDouble(InsightCard.FeatureImportance::importance).reversed());
        String source = "out-of-fold predictions of the final model (rows each fold model never saw); permutation"
                + " importance on " + sample.length + " of them";
        if (done < features.size()) {
            source += "; stopped at the time budget after " + done + " of " + features.size() + " columns";
        }
        boolean classification = data.schema().task().isClassification();
        return new InsightCard(source, scored.length, metric.id(), "permutation", importance,
                classification ? confusion(scored) : null, classification ? null : predictedVsActual(scored));
    }

    private int[] scoredRows() {
        return java.util.stream.IntStream.range(0, outOfFold.length).filter(i -> outOfFold[i] != null).toArray();
    }

    private double[][] outOfFoldOf(int[] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = outOfFold[rows[k]];
        }
        return out;
    }

    private double loss(PrimaryMetric metric, int[] rows, double[][] predictions) {
        double[] y = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            y[k] = data.y()[rows[k]];
        }
        return metric.loss(metric.value(y, predictions));
    }

    /** Each sampled row scored by the fold models that validated it, with {@code column} shuffled among the sample. */
    private double[][] scoreWithShuffled(int[] sample, String column, long shuffleSeed) {
        int[] order = RowSampling.permutation(sample.length, new SplittableRandom(shuffleSeed));
        Map<Integer, List<Integer>> byFold = new LinkedHashMap<>();
        for (int k = 0; k < sample.length; k++) {
            byFold.computeIfAbsent(foldOf.get(sample[k]), f -> new ArrayList<>()).add(k);
        }
        double[][] out = new double[sample.length][];
        byFold.forEach((fold, positions) -> {
            List<Row> rows = new ArrayList<>(positions.size());
            for (int k : positions) {
                rows.add(withValue(data.rows().get(sample[k]), column, data.rows().get(sample[order[k]]).get(column)));
            }
            for (FinalMember m : members) {
                FittedFold fitted = m.folds().get(fold);
                double[][] scores = fitted.model().score(fitted.pipeline().transform(rows));
                for (int j = 0; j < positions.size(); j++) {
                    int k = positions.get(j);
                    if (out[k] == null) {
                        out[k] = new double[scores[j].length];
                    }
                    for (int c = 0; c < scores[j].length; c++) {
                        out[k][c] += m.weight() * scores[j][c];
                    }
                }
            }
        });
        return out;
    }

    private static Map<Integer, Integer> foldOfRows(FoldPlan plan) {
        Map<Integer, Integer> out = new java.util.HashMap<>();
        for (int f = 0; f < plan.folds().size(); f++) {
            for (int row : plan.folds().get(f).valid()) {
                out.put(row, f);
            }
        }
        return out;
    }

    private static Row withValue(Row row, String column, String value) {
        Map<String, String> values = new LinkedHashMap<>();
        row.columns().forEach(c -> values.put(c, row.get(c)));
        values.put(column, value);
        return Row.of(values);
    }

    private InsightCard.ConfusionMatrix confusion(int[] rows) {
        List<String> classes = data.schema().classes();
        if (classes.size() > MAX_CLASSES) {
            return null;
        }
        int[][] counts = new int[classes.size()][classes.size()];
        for (int i : rows) {
            double[] p = outOfFold[i];
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            counts[(int) data.y()[i]][best]++;
        }
        return new InsightCard.ConfusionMatrix(classes, counts);
    }

    private InsightCard.PredictedVsActual predictedVsActual(int[] rows) {
        int[] sample = sample(rows, MAX_POINTS, seed ^ 0x2545F4914F6CDD1DL);
        double[] actual = new double[sample.length];
        double[] predicted = new double[sample.length];
        for (int k = 0; k < sample.length; k++) {
            actual[k] = data.y()[sample[k]];
            predicted[k] = outOfFold[sample[k]][0];
        }
        return new InsightCard.PredictedVsActual(actual, predicted);
    }

    /** At most {@code max} of {@code rows}, chosen from {@code sampleSeed} and kept in row order. */
    static int[] sample(int[] rows, int max, long sampleSeed) {
        return RowSampling.sample(rows, max, new SplittableRandom(sampleSeed));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
