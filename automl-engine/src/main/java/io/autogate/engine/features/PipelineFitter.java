package io.autogate.engine.features;

import io.autogate.runtime.pipeline.ColumnTransform;
import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fits a {@link FeaturePipeline} on one training set: one or two transforms per feature column of
 * the schema (ID, constant and text columns and the target are skipped), chosen by the
 * {@link PipelineOptions}. The engine calls it once per cross-validation fold with that fold's
 * training rows only, so nothing is learned from validation rows. Stateless and thread-safe.
 */
public final class PipelineFitter {
    private PipelineFitter() {
    }

    /**
     * Fits the pipeline and computes the training matrix.
     *
     * @param y the class index (0..k-1, k = {@code schema.classes().size()}) of each row for
     *          classification, the value for regression
     * @param seed drives the cross-fitting folds of target encoding, the only random choice
     * @return the pipeline, whose target encodings are fitted on all rows, and the training
     *         matrix, whose target-encoded outputs are out-of-fold (see {@link TargetEncoder})
     * @throws IllegalArgumentException when there are no rows, rows and targets differ in
     *         length or a target is not a valid class index or finite value
     */
    public static FittedPipeline fit(Schema schema, List<Row> rows, double[] y, PipelineOptions options, long seed) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
        validateTargets(schema, rows, y);
        int n = rows.size();
        TargetEncoder encoder = new TargetEncoder(y, schema.task(), schema.classes(), seed);
        List<FittedColumn> fitted = new ArrayList<>();
        for (ColumnSpec c : schema.featureColumns()) {
            if (c.name().equals(schema.target())) {
                continue;
            }
            String[] raw = new String[n];
            for (int i = 0; i < n; i++) {
                raw[i] = rows.get(i).get(c.name());
            }
            switch (c.type()) {
                case NUMERIC -> fitted.add(FittedColumn.applied(NumericColumnFitter.fit(c.name(), raw, options.scale())));
                case BOOLEAN -> fitted.add(FittedColumn.applied(BooleanColumnFitter.fit(c.name(), raw)));
                case DATETIME -> fitted.add(FittedColumn.applied(
                        DateTimeColumnFitter.fit(c.name(), c.datetimePattern(), raw, options.scale())));
                case CATEGORICAL -> fitted.addAll(CategoricalColumnFitter.fit(c.name(), raw, options, encoder));
                default -> throw new IllegalStateException("not a feature type: " + c.type());
            }
        }
        List<ColumnTransform> transforms = fitted.stream().map(FittedColumn::transform).toList();
        FeaturePipeline pipeline = new FeaturePipeline(transforms);
        return new FittedPipeline(pipeline, trainingMatrix(pipeline.width(), fitted, rows));
    }

    private static double[][] trainingMatrix(int width, List<FittedColumn> fitted, List<Row> rows) {
        double[][] x = new double[rows.size()][width];
        int offset = 0;
        for (FittedColumn f : fitted) {
            ColumnTransform t = f.transform();
            if (f.crossFitted() == null) {
                for (int i = 0; i < x.length; i++) {
                    t.apply(rows.get(i).get(t.column()), x[i], offset);
                }
            } else {
                for (int j = 0; j < t.width(); j++) {
                    double[] values = f.crossFitted()[j];
                    for (int i = 0; i < x.length; i++) {
                        x[i][offset + j] = values[i];
                    }
                }
            }
            offset += t.width();
        }
        return x;
    }

    private static void validateTargets(Schema schema, List<Row> rows, double[] y) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(y, "y");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to fit the feature pipeline on");
        }
        if (rows.size() != y.length) {
            throw new IllegalArgumentException("rows (" + rows.size() + ") and targets (" + y.length + ") differ in length");
        }
        int k = schema.classes().size();
        for (int i = 0; i < y.length; i++) {
            boolean ok = schema.task().isClassification()
                    ? y[i] >= 0 && y[i] < k && y[i] == Math.rint(y[i])
                    : Double.isFinite(y[i]);
            if (!ok) {
                throw new IllegalArgumentException("target " + i + " is " + y[i] + ", not "
                        + (schema.task().isClassification() ? "a class index in 0.." + (k - 1) : "a finite number"));
            }
        }
    }
}
