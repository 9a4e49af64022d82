package io.autogate.gateway.request;

import io.autogate.gateway.models.LoadedModel;
import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.artifact.Provenance;
import io.autogate.runtime.pipeline.BooleanTransform;
import io.autogate.runtime.pipeline.CategoryTable;
import io.autogate.runtime.pipeline.ColumnTransform;
import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.pipeline.FrequencyTransform;
import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.pipeline.OneHotTransform;
import io.autogate.runtime.pipeline.OrdinalTransform;
import io.autogate.runtime.pipeline.Scaling;
import io.autogate.runtime.pipeline.TargetEncodingTransform;
import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;

/**
 * Schemas, manifests and models for the request tests. The churn schema has the feature columns
 * age (numeric), city (categorical), member (boolean), signup (ISO datetime), gender (a two-valued
 * boolean column trained on male/female), color (high-cardinality categorical), code (categorical
 * read only by a numeric transform) and plan (categorical no pipeline reads), plus an ID column.
 */
public final class RequestFixtures {
    private RequestFixtures() {
    }

    /** The churn schema (binary, classes no/yes). */
    public static Schema churnSchema() {
        return new Schema(List.of(
                ColumnSpec.of("customer_id", ColumnType.ID),
                ColumnSpec.of("age", ColumnType.NUMERIC),
                ColumnSpec.of("city", ColumnType.CATEGORICAL),
                ColumnSpec.of("member", ColumnType.BOOLEAN),
                ColumnSpec.of("signup", ColumnType.DATETIME),
                ColumnSpec.of("gender", ColumnType.BOOLEAN),
                ColumnSpec.of("color", ColumnType.CATEGORICAL),
                ColumnSpec.of("code", ColumnType.CATEGORICAL),
                ColumnSpec.of("plan", ColumnType.CATEGORICAL)), "churned", TaskType.BINARY, List.of("no", "yes"));
    }

    /** A small numeric-only schema: x, y numeric, z categorical; regression or three classes. */
    public static Schema smallSchema(boolean classification) {
        return new Schema(List.of(
                ColumnSpec.of("x", ColumnType.NUMERIC),
                ColumnSpec.of("y", ColumnType.NUMERIC),
                ColumnSpec.of("z", ColumnType.CATEGORICAL)), "t",
                classification ? TaskType.MULTICLASS : TaskType.REGRESSION,
                classification ? List.of("a", "b", "c") : List.of());
    }

    /**
     * The churn manifest: member 1 (one fold) one-hot encodes city with rare "Bergen", member 2
     * (two folds) codes city as ordinal with "Lima" in its second fold; color has a frequency and
     * a target-encoding table; the profile adds city's top category "Tromsø".
     */
    public static ModelManifest churnManifest() {
        Schema schema = churnSchema();
        ColumnTransform age = new NumericTransform("age", 40, false, Scaling.identity());
        ColumnTransform member = new BooleanTransform("member", "yes", "no", 0, false);
        ColumnTransform gender = new BooleanTransform("gender", "male", "female", 0, false);
        ColumnTransform code = new NumericTransform("code", 0, false, Scaling.identity());
        FeaturePipeline scaled = new FeaturePipeline(List.of(age,
                new OneHotTransform("city", List.of("Oslo", "Rome"), List.of("Bergen"), true), member, gender, code,
                new TargetEncodingTransform("color", new CategoryTable(List.of("red", "blue"),
                        new double[][] {{0.2}, {0.7}}), List.of(0.5), List.of(Scaling.identity()), List.of("color_te"))));
        FeaturePipeline tree1 = new FeaturePipeline(List.of(age, new OrdinalTransform("city", List.of("Oslo", "Rome")),
                member, gender, new FrequencyTransform("color", new CategoryTable(List.of("red", "green"),
                        new double[][] {{0.6}, {0.4}}), 0)));
        FeaturePipeline tree2 = new FeaturePipeline(List.of(age,
                new OrdinalTransform("city", List.of("Rome", "Lima")), member, gender));
        MemberSpec linear = new MemberSpec("logistic", Map.of(), 1L, 0.5, List.of(new FoldSpec(scaled, "m0.bin", "x")));
        MemberSpec trees = new MemberSpec("gbt", Map.of(), 2L, 0.5,
                List.of(new FoldSpec(tree1, "m1_f0.bin", "x"), new FoldSpec(tree2, "m1_f1.bin", "x")));
        DatasetProfile profile = new DatasetProfile(100, List.of(
                categorical("city", List.of("Oslo", "Tromsø ")),
                categorical("member", List.of("Yes", "No")),
                categorical("plan", List.of("basic", "pro"))), List.of());
        return manifest(schema, profile, List.of(linear, trees));
    }

    /** A manifest with the given schema, profile and members. */
    public static ModelManifest manifest(Schema schema, DatasetProfile profile, List<MemberSpec> members) {
        Provenance provenance = new Provenance("abc", "data.csv", 100, 1L, Map.of(), Map.of(), "jvm", null, "dev",
                "2026-01-01T00:00:00Z");
        return new ModelManifest(ModelManifest.CURRENT_FORMAT, "churn", 3, schema, profile, "auc", Map.of(),
                members, List.of(), provenance, Map.of());
    }

    /** A loaded model over a schema with a one-numeric-transform pipeline and no predictor. */
    public static LoadedModel model(String name, int version, Schema schema) {
        FeaturePipeline pipeline = new FeaturePipeline(List.of(new NumericTransform("x", 0, false, Scaling.identity())));
        MemberSpec member = new MemberSpec("m", Map.of(), 1L, 1.0, List.of(new FoldSpec(pipeline, "m.bin", "x")));
        return new LoadedModel(name, version,
                manifest(schema, new DatasetProfile(10, List.of(), List.of()), List.of(member)), null);
    }

    private static ColumnProfile categorical(String name, List<String> top) {
        List<CategoryCount> counts = top.stream().map(v -> new CategoryCount(v, 10)).toList();
        return new ColumnProfile(name, ColumnType.CATEGORICAL, 100, 0, top.size(), null, null, null, null, null,
                null, counts, null, null);
    }
}
