package io.autogate.engine.search;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.features.FittedPipeline;
import io.autogate.engine.features.PipelineFitter;
import io.autogate.engine.features.PipelineOptions;
import io.autogate.engine.validation.FoldPlan;
import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fits each fold's pipeline once per variant (plain for trees, scaled for linear models, k-NN
 * and MLP) and keeps the matrices, so trials only fit models. The pipeline of a fold sees only
 * that fold's training rows, so target encoding never leaks into validation. Thread-safe.
 */
public final class FoldDataCache {
    private final Dataset data;
    private final FoldPlan plan;
    private final long seed;
    private final Map<String, FoldData> cache = new ConcurrentHashMap<>();

    /** A cache over a dataset and its validation plan. */
    public FoldDataCache(Dataset data, FoldPlan plan, long seed) {
        this.data = data;
        this.plan = plan;
        this.seed = seed;
    }

    /** The validation plan. */
    public FoldPlan plan() {
        return plan;
    }

    /** The prepared data of a fold for a variant, computed on first use. */
    public FoldData get(int fold, boolean scaled) {
        return cache.computeIfAbsent(fold + (scaled ? "/scaled" : "/plain"), k -> prepare(fold, scaled));
    }

    private FoldData prepare(int foldIndex, boolean scaled) {
        FoldPlan.Fold fold = plan.folds().get(foldIndex);
        List<Row> trainRows = select(fold.train());
        double[] trainY = new double[fold.train().length];
        for (int i = 0; i < trainY.length; i++) {
            trainY[i] = data.y()[fold.train()[i]];
        }
        PipelineOptions options = scaled ? PipelineOptions.forScaled() : PipelineOptions.forTrees();
        FittedPipeline fitted = PipelineFitter.fit(data.schema(), trainRows, trainY, options, seed + foldIndex);
        double[][] validX = fitted.pipeline().transform(select(fold.valid()));
        return new FoldData(fitted.pipeline(), fitted.trainFeatures(), trainY, validX, fold.valid());
    }

    private List<Row> select(int[] indices) {
        List<Row> rows = new ArrayList<>(indices.length);
        for (int i : indices) {
            rows.add(data.rows().get(i));
        }
        return rows;
    }
}
