package io.autogate.runtime.predict;

import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Predictor} of every Autogate model: a weighted average of members, each the plain
 * average of its fitted folds. A single model is one member with one fold. The engine scores its
 * candidates with this class and the registry loads artifacts into it, so training and serving
 * run the same code. Thread-safe: it holds no mutable state and models are thread-safe.
 */
public final class EnsemblePredictor implements Predictor {
    private final Schema schema;
    private final List<WeightedMember> members;
    private final double totalWeight;
    /** The distinct pipelines of all folds; folds of one CV split usually share one, so each runs once. */
    private final List<FeaturePipeline> pipelines;
    /** For member m and fold f, the index of its pipeline in {@link #pipelines}. */
    private final int[][] pipelineOfFold;

    /** A predictor over members whose weights need not sum to one. */
    public EnsemblePredictor(Schema schema, List<WeightedMember> members) {
        this.schema = schema;
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("a predictor needs at least one member");
        }
        this.totalWeight = this.members.stream().mapToDouble(WeightedMember::weight).sum();
        Map<FeaturePipeline, Integer> index = new LinkedHashMap<>();
        this.pipelineOfFold = new int[this.members.size()][];
        for (int m = 0; m < this.members.size(); m++) {
            List<FittedFold> folds = this.members.get(m).folds();
            pipelineOfFold[m] = new int[folds.size()];
            for (int f = 0; f < folds.size(); f++) {
                pipelineOfFold[m][f] = index.computeIfAbsent(folds.get(f).pipeline(), k -> index.size());
            }
        }
        this.pipelines = List.copyOf(index.keySet());
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<Prediction> predict(List<Row> rows) {
        Prediction[] out = new Prediction[rows.size()];
        List<Row> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> problems = schema.problems(rows.get(i));
            if (problems.isEmpty()) {
                valid.add(rows.get(i));
                positions.add(i);
            } else {
                out[i] = Prediction.ofError(String.join("; ", problems));
            }
        }
        if (!valid.isEmpty()) {
            double[][] scores = scoreValid(valid);
            for (int j = 0; j < scores.length; j++) {
                out[positions.get(j)] = toPrediction(scores[j]);
            }
        }
        return Arrays.asList(out);
    }

    @Override
    public List<Prediction> predictChecked(List<Row> rows) {
        double[][] scores = scoreValid(rows);
        List<Prediction> out = new ArrayList<>(scores.length);
        for (double[] s : scores) {
            out.add(toPrediction(s));
        }
        return out;
    }

    private double[][] scoreValid(List<Row> rows) {
        int width = schema.task().isClassification() ? schema.classes().size() : 1;
        // row by row: a two-dimensional `new` with a variable size is a slow runtime call in compiled code
        double[][] total = new double[rows.size()][];
        for (int i = 0; i < total.length; i++) {
            total[i] = new double[width];
        }
        double[][][] features = new double[pipelines.size()][][];
        for (int m = 0; m < members.size(); m++) {
            WeightedMember member = members.get(m);
            double share = member.weight() / totalWeight / member.folds().size();
            for (int f = 0; f < member.folds().size(); f++) {
                int p = pipelineOfFold[m][f];
                if (features[p] == null) {
                    features[p] = pipelines.get(p).transform(rows);
                }
                double[][] s = member.folds().get(f).model().score(features[p]);
                for (int i = 0; i < s.length; i++) {
                    for (int c = 0; c < width; c++) {
                        total[i][c] += share * s[i][c];
                    }
                }
            }
        }
        return total;
    }

    private Prediction toPrediction(double[] scores) {
        if (!schema.task().isClassification()) {
            return Prediction.ofValue(scores[0]);
        }
        double sum = Arrays.stream(scores).sum();
        int best = 0;
        List<Double> probabilities = new ArrayList<>(scores.length);
        for (int c = 0; c < scores.length; c++) {
            probabilities.add(sum > 0 ? scores[c] / sum : 1.0 / scores.length);
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return Prediction.ofClass(schema.classes().get(best), probabilities);
    }
}
