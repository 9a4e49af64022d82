package io.autogate.engine.features;

import io.autogate.runtime.pipeline.CategoryTable;
import io.autogate.runtime.pipeline.FrequencyTransform;
import io.autogate.runtime.pipeline.OneHotTransform;
import io.autogate.runtime.pipeline.OrdinalTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses and fits the encodings of a categorical column. At most {@code maxOneHot} distinct
 * values: one-hot in scaled pipelines (categories rarer than 5 rows or 1% folded into "other"),
 * ordinal codes in tree pipelines. More: frequency plus target encoding in tree pipelines, target
 * encoding (standardised) in scaled pipelines.
 */
final class CategoricalColumnFitter {
    /** A category with fewer rows than this is rare. */
    static final int RARE_MIN_ROWS = 5;
    /** A category with a smaller share of rows than this is rare. */
    static final double RARE_MIN_SHARE = 0.01;

    private CategoricalColumnFitter() {
    }

    static List<FittedColumn> fit(String column, String[] raw, PipelineOptions options, TargetEncoder encoder) {
        CategoryCounts counts = new CategoryCounts(raw);
        if (counts.cardinality() <= options.maxOneHot()) {
            int[] order = counts.codesByFrequency();
            if (options.scale()) {
                return List.of(FittedColumn.applied(oneHot(column, counts, order, raw.length)));
            }
            List<String> categories = new ArrayList<>();
            for (int c : order) {
                categories.add(counts.categories.get(c));
            }
            return List.of(FittedColumn.applied(new OrdinalTransform(column, categories)));
        }
        List<FittedColumn> fitted = new ArrayList<>();
        if (!options.scale()) {
            fitted.add(FittedColumn.applied(frequency(column, counts, raw.length)));
        }
        fitted.add(encoder.fit(column, counts, options.scale()));
        return fitted;
    }

    private static OneHotTransform oneHot(String column, CategoryCounts counts, int[] order, int rows) {
        List<String> kept = new ArrayList<>();
        List<String> rare = new ArrayList<>();
        for (int c : order) {
            boolean isRare = counts.counts[c] < RARE_MIN_ROWS || counts.counts[c] < RARE_MIN_SHARE * rows;
            (isRare ? rare : kept).add(counts.categories.get(c));
        }
        if (kept.isEmpty()) { // every category is rare: folding would leave nothing to tell apart
            kept.addAll(rare);
            rare.clear();
        }
        return new OneHotTransform(column, kept, rare, counts.missing > 0);
    }

    private static FrequencyTransform frequency(String column, CategoryCounts counts, int rows) {
        double[][] shares = new double[counts.cardinality()][1];
        for (int c = 0; c < shares.length; c++) {
            shares[c][0] = (double) counts.counts[c] / rows;
        }
        return new FrequencyTransform(column, new CategoryTable(counts.categories, shares),
                (double) counts.missing / rows);
    }
}
