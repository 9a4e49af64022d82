package io.autogate.gateway.testing;

import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.artifact.Provenance;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.pipeline.OneHotTransform;
import io.autogate.runtime.pipeline.Scaling;
import io.autogate.runtime.profile.CategoryCount;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import io.autogate.runtime.testing.LinearTestFormat;
import io.autogate.runtime.testing.LinearTestModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model artifacts for gateway tests, all over the same inputs: {@code x} (numeric, standard
 * normal in training) and {@code color} (red 50%, green 30%, blue 20%).
 * <ul>
 *   <li>{@link #churn}: binary classifier (classes no, yes); P(yes) rises with {@code weight * x};</li>
 *   <li>{@link #price}: regressor, {@code slope * x + 0.5 * [color = red]};</li>
 *   <li>{@link #failing} and {@link #stalling}: binary classifiers that throw or block.</li>
 * </ul>
 */
public final class TestModels {
    /** The class labels of the classifiers. */
    public static final List<String> CLASSES = List.of("no", "yes");

    private TestModels() {
    }

    /** A classifier answering "yes" for x > 0 when weight > 0 (and "no" when weight < 0). */
    public static ModelArtifact churn(double weight) {
        return artifact(TaskType.BINARY, new LinearTestModel(new double[][] {{-weight, 0, 0, 0}, {weight, 0, 0, 0}}, true));
    }

    /** A regressor {@code slope * x + 0.5 * [color = red]}. */
    public static ModelArtifact price(double slope) {
        return artifact(TaskType.REGRESSION, new LinearTestModel(new double[][] {{slope, 0.5, 0, 0}}, false));
    }

    /** A classifier whose every call throws. */
    public static ModelArtifact failing() {
        return artifact(TaskType.BINARY, new BehaviourTestModel("throw"));
    }

    /** A classifier whose calls block until {@link BehaviourTestModel#release()}. */
    public static ModelArtifact stalling() {
        return artifact(TaskType.BINARY, new BehaviourTestModel("stall"));
    }

    /** A classifier that notes the thread of every call in {@link BehaviourTestModel#THREADS}. */
    public static ModelArtifact threadRecording() {
        return artifact(TaskType.BINARY, new BehaviourTestModel("record"));
    }

    /** A JSON row {@code {"x": x, "color": color}}. */
    public static String row(double x, String color) {
        return "{\"x\":" + x + ",\"color\":\"" + color + "\"}";
    }

    private static ModelArtifact artifact(TaskType task, NumericModel model) {
        Schema schema = new Schema(List.of(ColumnSpec.of("x", ColumnType.NUMERIC), ColumnSpec.of("color", ColumnType.CATEGORICAL)),
                task.isClassification() ? "churned" : "price", task, task.isClassification() ? CLASSES : List.of());
        FeaturePipeline pipeline = new FeaturePipeline(List.of(
                new NumericTransform("x", 0.0, false, Scaling.identity()),
                new OneHotTransform("color", List.of("red", "green", "blue"), List.of(), false)));
        String format = model instanceof LinearTestModel ? LinearTestFormat.ID : BehaviourTestFormat.ID;
        MemberSpec member = new MemberSpec("test", Map.of(), 1L, 1.0, List.of(new FoldSpec(pipeline, "m0_f0.bin", format)));
        Provenance provenance = new Provenance("0123abcd", "test.csv", 1000, 42L, Map.of("budget_seconds", 10),
                Map.of(), "jvm", null, "test", "2026-01-01T00:00:00Z");
        String metric = task.isClassification() ? "auc" : "rmse";
        ModelManifest manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT, null, 0, schema, profile(), metric,
                Map.of(metric, 0.9), List.of(member), List.of(), provenance, Map.of());
        return new ModelArtifact(manifest, Map.of("m0_f0.bin", model));
    }

    /** x ~ N(0, 1) with quantiles only, as artifacts written before the numeric histogram store it; color 5:3:2. */
    private static DatasetProfile profile() {
        Map<String, Double> q = new LinkedHashMap<>();
        q.put("p01", -2.326);
        q.put("p05", -1.645);
        q.put("p25", -0.674);
        q.put("p50", 0.0);
        q.put("p75", 0.674);
        q.put("p95", 1.645);
        q.put("p99", 2.326);
        ColumnProfile x = new ColumnProfile("x", ColumnType.NUMERIC, 1000, 0, 1000, -3.5, 3.5, 0.0, 1.0, q, null, List.of(),
                null, null);
        ColumnProfile color = new ColumnProfile("color", ColumnType.CATEGORICAL, 1000, 0, 3, null, null, null, null,
                Map.of(), null, List.of(new CategoryCount("red", 500), new CategoryCount("green", 300),
                        new CategoryCount("blue", 200)), null, null);
        return new DatasetProfile(1000, List.of(x, color), List.of());
    }
}
