package io.autogate.engine.family.tribuo;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.engine.SharedDatasets;
import io.autogate.engine.data.Dataset;
import io.autogate.engine.family.TrainingSet;
import io.autogate.engine.features.FittedPipeline;
import io.autogate.engine.features.PipelineFitter;
import io.autogate.engine.features.PipelineOptions;
import io.autogate.engine.ingest.DatasetLoader;
import io.autogate.engine.metrics.Metrics;
import io.autogate.engine.validation.RowSampling;
import io.autogate.runtime.model.tribuo.TribuoClassifier;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A manual timing run, not a test: the xgboost family on adult-income with its first portfolio
 * configuration for binary tasks (150 rounds, depth 5), {@code multi:softprob} against
 * {@code binary:logistic}: wall time of one fit on 75% of the rows (one native thread), held-out
 * AUC on the other 25%, and microseconds per single-row score of the compiled model. Run under
 * the exclusive CPU lock with
 * {@code java -cp <automl-engine test classpath> io.autogate.engine.family.tribuo.XGBoostObjectiveTiming [repeats]}.
 */
public final class XGBoostObjectiveTiming {
    private static final long SEED = 42L;
    private static final int SCORE_ROUNDS = 8;

    private XGBoostObjectiveTiming() {
    }

    /**
     * Prints the timings.
     *
     * @param args optional number of fits per objective (default 2), alternating objectives
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Dataset adult = DatasetLoader.load(SharedDatasets.path("classification/adult-income.csv"), "income", null);
        int[] order = RowSampling.permutation(adult.size(), new SplittableRandom(SEED));
        int nTrain = adult.size() * 3 / 4;
        List<Row> trainRows = new ArrayList<>();
        double[] trainY = new double[nTrain];
        List<Row> testRows = new ArrayList<>();
        double[] testY = new double[adult.size() - nTrain];
        for (int i = 0; i < order.length; i++) {
            if (i < nTrain) {
                trainRows.add(adult.rows().get(order[i]));
                trainY[i] = adult.y()[order[i]];
            } else {
                testRows.add(adult.rows().get(order[i]));
                testY[i - nTrain] = adult.y()[order[i]];
            }
        }
        FittedPipeline pipeline = PipelineFitter.fit(adult.schema(), trainRows, trainY, PipelineOptions.forTrees(), SEED);
        TrainingSet train = new TrainingSet(pipeline.trainFeatures(), trainY, pipeline.pipeline().featureNames(),
                TaskType.BINARY, 2);
        double[][] testX = pipeline.pipeline().transform(testRows);

        SearchSpaceYaml space = SearchSpaceYaml.load("xgboost");
        JsonNode first = space.portfolio().get(0);
        Map<String, Object> logistic = new HashMap<>(space.params(TaskType.BINARY, first.get("params")));
        Map<String, Object> softprob = new HashMap<>(logistic);
        softprob.put("objective", "multi:softprob");
        System.out.printf("adult-income: %d training rows, %d held out, %d features; portfolio entry %s: %s%n",
                nTrain, testY.length, train.featureNames().size(), first.get("name").asText(), logistic);
        for (int r = 0; r < repeats; r++) {
            for (Map<String, Object> params : List.of(softprob, logistic)) {
                long start = System.nanoTime();
                TribuoClassifier model = (TribuoClassifier) new XGBoostFamily().fit(train, params, SEED);
                double fitSeconds = (System.nanoTime() - start) / 1e9;
                double auc = Metrics.auc(testY, model.score(testX));
                System.out.printf("%-16s fit %.2f s, held-out AUC %.5f, compiled=%s, score %s us/row%n",
                        params.get("objective"), fitSeconds, auc, model.usesCompiledTrees(),
                        perRowMicros(model, testX));
            }
        }
    }

    // Microseconds per single-row score call, per round over all rows (the first rounds warm up the JIT).
    private static String perRowMicros(TribuoClassifier model, double[][] rows) {
        double[] micros = new double[SCORE_ROUNDS];
        double sink = 0;
        for (int round = 0; round < SCORE_ROUNDS; round++) {
            long start = System.nanoTime();
            for (double[] row : rows) {
                sink += model.score(new double[][] {row})[0][1];
            }
            micros[round] = (System.nanoTime() - start) / 1e3 / rows.length;
        }
        return Arrays.toString(Arrays.stream(micros).map(m -> Math.round(m * 100) / 100.0).toArray())
                + (sink < 0 ? "!" : "");
    }
}
