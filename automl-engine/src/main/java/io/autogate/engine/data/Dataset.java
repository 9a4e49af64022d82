package io.autogate.engine.data;

import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import java.util.List;

/**
 * An immutable, schema-bound training table. {@code y[i]} is the target of {@code rows.get(i)}:
 * the class index into {@code schema.classes()} for classification, the value for regression.
 * Rows whose target was missing are not in it (the profile's notes say how many were dropped).
 * {@code sha256} is the hash of the file's bytes, recorded in the artifact's provenance.
 */
public record Dataset(Schema schema, List<Row> rows, double[] y, DatasetProfile profile, String sha256) {
    public Dataset {
        rows = List.copyOf(rows);
        if (rows.size() != y.length) {
            throw new IllegalArgumentException("rows and targets differ in length");
        }
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Number of classes, 0 for regression. */
    public int numClasses() {
        return schema.classes().size();
    }
}
