package io.autogate.engine.robustness;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.search.Candidate;
import io.autogate.engine.search.FoldDataCache;
import io.autogate.engine.search.TrialEvaluator;
import io.autogate.engine.validation.FoldPlan;
import io.autogate.engine.validation.RowSampling;
import io.autogate.runtime.predict.FittedFold;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Adversarial validation: a classifier (one of the run's families, on the engine's own pipeline
 * and trial code) learns to tell two sets of rows apart, scored out of fold over two folds. Its
 * AUC is the shift magnitude: 0.5 means the sets look alike, 1.0 that they are fully separable.
 * Each side is sampled down to {@value #MAX_PER_SIDE} rows so a check costs about two small fits.
 * Deterministic from the seed.
 */
public final class AdversarialValidation {
    static final int MAX_PER_SIDE = 1000;
    private static final List<String> SIDES = List.of("a", "b");

    private final ModelFamily family;
    private final Map<String, Object> params;
    private final Clock clock;

    /** A classifier of {@code family} with complete {@code params}; {@code clock} times its fits. */
    public AdversarialValidation(ModelFamily family, Map<String, Object> params, Clock clock) {
        this.family = family;
        this.params = params;
        this.clock = clock;
    }

    /**
     * The out-of-fold AUC of telling the rows {@code a} from the rows {@code b}, ignoring the
     * column that defines the split ({@code excluded}, may be {@code null}); {@code NaN} when the
     * classifier fails.
     */
    double auc(Dataset data, int[] a, int[] b, String excluded, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] sa = sample(a, rng);
        int[] sb = sample(b, rng);
        List<Row> rows = new ArrayList<>();
        double[] y = new double[sa.length + sb.length];
        for (int i : sa) {
            rows.add(data.rows().get(i));
        }
        for (int i = 0; i < sb.length; i++) {
            rows.add(data.rows().get(sb[i]));
            y[sa.length + i] = 1;
        }
        return separate(data.schema(), rows, y, excluded, seed).auc();
    }

    /**
     * How unlike the rest each row is: the probability, out of fold, that a classifier gives a
     * row of being one of the synthetic rows made by shuffling every column independently (which
     * keeps each column's values but breaks the relations between columns). Also the AUC of that
     * classifier.
     */
    Separation atypicality(Dataset data, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] all = new int[data.size()];
        Arrays.setAll(all, i -> i);
        int[] real = sample(all, rng);
        List<Row> rows = new ArrayList<>();
        for (int i : real) {
            rows.add(data.rows().get(i));
        }
        List<ColumnSpec> columns = data.schema().featureColumns();
        Map<String, int[]> shuffles = new LinkedHashMap<>();
        for (ColumnSpec c : columns) {
            shuffles.put(c.name(), RowSampling.permutation(real.length, rng));
        }
        for (int k = 0; k < real.length; k++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (ColumnSpec c : columns) {
                values.put(c.name(), rows.get(shuffles.get(c.name())[k]).get(c.name()));
            }
            rows.add(Row.of(values));
        }
        double[] y = new double[rows.size()];
        Arrays.fill(y, real.length, y.length, 1);
        Separation fitted = separate(data.schema(), rows, y, null, seed);
        double[] p = new double[data.size()];
        Arrays.fill(p, Double.NaN);
        for (int k = 0; k < real.length; k++) {
            p[real[k]] = fitted.probability()[k];
        }
        List<Integer> unscored = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (Double.isNaN(p[i])) {
                unscored.add(i);
            }
        }
        if (!unscored.isEmpty() && !fitted.folds().isEmpty()) {
            List<Row> rest = unscored.stream().map(data.rows()::get).toList();
            double[] sum = new double[rest.size()];
            for (FittedFold fold : fitted.folds()) {
                double[][] scores = fold.model().score(fold.pipeline().transform(rest));
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += scores[k][1] / fitted.folds().size();
                }
            }
            for (int k = 0; k < sum.length; k++) {
                p[unscored.get(k)] = sum[k];
            }
        }
        return new Separation(fitted.auc(), p, fitted.folds());
    }

    /** A classifier's out-of-fold AUC, the probability of side {@code b} per row, and its fold models. */
    record Separation(double auc, double[] probability, List<FittedFold> folds) {
    }

    private Separation separate(Schema schema, List<Row> rows, double[] y, String excluded, long seed) {
        List<ColumnSpec> columns = schema.columns().stream().filter(c -> !c.name().equals(excluded)).toList();
        Schema sides = new Schema(columns, schema.target(), TaskType.BINARY, SIDES);
        Dataset d = new Dataset(sides, rows, y, new DatasetProfile(rows.size(), List.of(), List.of()), "adversarial");
        FoldPlan plan = twoFolds(y, seed);
        TrialEvaluator evaluator = new TrialEvaluator(d, new FoldDataCache(d, plan, seed), clock);
        TrialEvaluator.Outcome outcome = evaluator.evaluate(0, family,
                new Candidate(family.name(), params, "adversarial", 1.0, seed), Long.MAX_VALUE);
        if (outcome.models() == null) {
            double[] half = new double[rows.size()];
            Arrays.fill(half, 0.5);
            return new Separation(Double.NaN, half, List.of());
        }
        double[] p = new double[rows.size()];
        double[][] oof = outcome.models().outOfFold();
        for (int i = 0; i < p.length; i++) {
            p[i] = oof[i][1];
        }
        return new Separation(outcome.trial().metrics().get("auc"), p, outcome.models().folds());
    }

    /** Two folds, each holding half of each side, from the seed. */
    private static FoldPlan twoFolds(double[] y, long seed) {
        SplittableRandom rng = new SplittableRandom(seed + 1);
        int[] assignment = new int[y.length];
        int[] next = new int[2];
        int[] order = RowSampling.permutation(y.length, rng);
        for (int i : order) {
            int side = (int) y[i];
            assignment[i] = next[side]++ % 2;
        }
        List<FoldPlan.Fold> folds = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            int fold = f;
            int[] valid = java.util.stream.IntStream.range(0, y.length).filter(i -> assignment[i] == fold).toArray();
            int[] train = java.util.stream.IntStream.range(0, y.length).filter(i -> assignment[i] != fold).toArray();
            folds.add(new FoldPlan.Fold(train, valid));
        }
        return new FoldPlan(folds, false);
    }

    private static int[] sample(int[] rows, SplittableRandom rng) {
        return RowSampling.sample(rows, MAX_PER_SIDE, rng);
    }
}
