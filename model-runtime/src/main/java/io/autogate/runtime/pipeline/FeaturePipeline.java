package io.autogate.runtime.pipeline;

import io.autogate.runtime.schema.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The fitted transforms from a raw {@link Row} to the numeric feature vector a model was trained
 * on: the outputs of each {@link ColumnTransform} in order. The same pipeline runs at training and
 * prediction time and is stored as JSON in the model artifact (a plain Jackson
 * {@code ObjectMapper} reads and writes it). It never throws on odd values: an unparseable number
 * or a column the row lacks counts as missing, and an unseen category gets its transform's unseen
 * handling ({@link io.autogate.runtime.schema.Schema#problems} reports such rows separately).
 * Immutable and thread-safe.
 */
public record FeaturePipeline(List<ColumnTransform> transforms) {
    public FeaturePipeline {
        transforms = List.copyOf(transforms);
    }

    /** The name of every feature, in vector order. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (ColumnTransform t : transforms) {
            names.addAll(t.outputNames());
        }
        return List.copyOf(names);
    }

    /** Length of the feature vector. */
    public int width() {
        int w = 0;
        for (ColumnTransform t : transforms) {
            w += t.width();
        }
        return w;
    }

    /** The feature vector of one row. */
    public double[] transform(Row row) {
        double[] out = new double[width()];
        fill(row, out);
        return out;
    }

    /** The feature vectors of many rows, one per row in order. */
    public double[][] transform(List<Row> rows) {
        int w = width();
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[w];
            fill(rows.get(i), out[i]);
        }
        return out;
    }

    private void fill(Row row, double[] out) {
        int offset = 0;
        for (ColumnTransform t : transforms) {
            t.apply(row.get(t.column()), out, offset);
            offset += t.width();
        }
    }
}
