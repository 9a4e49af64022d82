package io.autogate.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.artifact.Provenance;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.Schema;
import io.autogate.runtime.schema.TaskType;
import io.autogate.runtime.testing.LinearTestFormat;
import io.autogate.runtime.testing.LinearTestModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelRegistryTest {
    @TempDir
    Path dir;

    private FileModelRegistry registry() {
        return new FileModelRegistry(dir, new ModelFormats(List.of(new LinearTestFormat())));
    }

    static ModelArtifact artifact(double weight) {
        Schema schema = new Schema(List.of(ColumnSpec.of("x", ColumnType.NUMERIC)), "y", TaskType.BINARY, List.of("no", "yes"));
        FeaturePipeline pipeline = new FeaturePipeline(List.of(new NumericTransform("x", 0.0, false, io.autogate.runtime.pipeline.Scaling.identity())));
        MemberSpec member = new MemberSpec("test", Map.of("w", weight), 1L, 1.0,
                List.of(new FoldSpec(pipeline, "m0_f0.bin", LinearTestFormat.ID)));
        Provenance provenance = new Provenance("abc", "data.csv", 10, 1L, Map.of("budget_seconds", 60), Map.of(), "jvm",
                null, "dev", "2026-01-01T00:00:00Z");
        ModelManifest manifest = new ModelManifest(ModelManifest.CURRENT_FORMAT, null, 0, schema,
                new DatasetProfile(10, List.of(), List.of()), "auc", Map.of("auc", 0.9), List.of(member), List.of(),
                provenance, Map.of());
        return new ModelArtifact(manifest, Map.of("m0_f0.bin",
                new LinearTestModel(new double[][] {{-weight}, {weight}}, true)));
    }

    @Test
    void registersIncreasingVersionsAndLoadsThem() throws Exception {
        FileModelRegistry registry = registry();
        assertEquals(1, registry.register("churn", artifact(1)).version());
        assertEquals(2, registry.register("churn", artifact(2)).version());
        assertEquals(List.of(1, 2), registry.list().get(0).versions());
        Predictor latest = registry.load(ModelRef.parse("churn"));
        Prediction p = latest.predict(List.of(Row.of(Map.of("x", "1")))).get(0);
        assertEquals("yes", p.label());
        assertEquals(1 / (1 + Math.exp(-4)), p.probabilities().get(1), 1e-12);
        Prediction first = registry.load(ModelRef.parse("churn@1")).predict(List.of(Row.of(Map.of("x", "1")))).get(0);
        assertEquals(1 / (1 + Math.exp(-2)), first.probabilities().get(1), 1e-12);
    }

    @Test
    void aliasesPointAtVersions() throws Exception {
        FileModelRegistry registry = registry();
        registry.register("churn", artifact(1));
        registry.register("churn", artifact(2));
        registry.setAlias("churn", "production", 1);
        assertEquals(1, registry.manifest(ModelRef.parse("churn:production")).version());
        registry.setAlias("churn", "production", 2);
        assertEquals(2, registry.manifest(ModelRef.parse("churn:production")).version());
        assertEquals(Map.of("production", 2), registry.list().get(0).aliases());
        assertThrows(ModelNotFoundException.class, () -> registry.setAlias("churn", "staging", 7));
        assertThrows(ModelNotFoundException.class, () -> registry.manifest(ModelRef.parse("churn:staging")));
    }

    @Test
    void deletedVersionsDisappearAndTheirNumbersAreNeverReused() throws Exception {
        FileModelRegistry registry = registry();
        registry.register("churn", artifact(1));
        registry.register("churn", artifact(2));
        registry.setAlias("churn", "production", 1);
        ModelInUseException inUse = assertThrows(ModelInUseException.class, () -> registry.delete("churn", 1));
        assertTrue(inUse.getMessage().contains("'production'"), inUse.getMessage());
        registry.delete("churn", 2);
        assertEquals(List.of(1), registry.list().get(0).versions());
        assertThrows(ModelNotFoundException.class, () -> registry.load(ModelRef.parse("churn@2")));
        assertEquals(1, registry.manifest(ModelRef.parse("churn")).version());
        assertEquals(3, registry.register("churn", artifact(3)).version());
        assertThrows(ModelNotFoundException.class, () -> registry.delete("churn", 9));
    }

    @Test
    void unknownModelsAndVersionsAreNamed() throws Exception {
        FileModelRegistry registry = registry();
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> registry.load(ModelRef.parse("nope")));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        registry.register("churn", artifact(1));
        e = assertThrows(ModelNotFoundException.class, () -> registry.load(ModelRef.parse("churn@5")));
        assertTrue(e.getMessage().contains("no version 5"), e.getMessage());
    }

    @Test
    void concurrentRegistrationsGetDistinctVersions() throws Exception {
        FileModelRegistry registry = registry();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double w = i + 1;
            Callable<Integer> task = () -> registry.register("shared", artifact(w)).version();
            futures.add(pool.submit(task));
        }
        Set<Integer> versions = new HashSet<>();
        for (Future<Integer> f : futures) {
            versions.add(f.get());
        }
        pool.shutdown();
        assertEquals(12, versions.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), registry.list().get(0).versions());
        for (int v = 1; v <= 12; v++) {
            registry.load(new ModelRef("shared", v, null));
        }
    }

    @Test
    void tamperedModelFileIsRefusedBeforeReading() throws Exception {
        FileModelRegistry registry = registry();
        registry.register("churn", artifact(1));
        Path file = dir.resolve("churn/1/models/m0_f0.bin");
        Files.writeString(file, "{\"weights\":[[0.0],[9.0]],\"classification\":true}");
        CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> registry.load(ModelRef.parse("churn")));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        Files.delete(file);
        assertThrows(CorruptArtifactException.class, () -> registry.load(ModelRef.parse("churn")));
    }

    @Test
    void halfWrittenVersionIsNeverVisible() throws Exception {
        FileModelRegistry registry = registry();
        registry.register("churn", artifact(1));
        // what a crash mid-write leaves behind: a hidden temporary folder with partial content
        Path leftover = dir.resolve("churn/.tmp-crashed/models");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("m0_f0.bin"), "{\"weig");
        assertEquals(List.of(1), registry.list().get(0).versions());
        assertEquals(2, registry.register("churn", artifact(2)).version());
        try (Stream<Path> children = Files.list(dir.resolve("churn"))) {
            assertFalse(children.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")
                    && !p.getFileName().toString().equals(".tmp-crashed")));
        }
    }

    @Test
    void badNamesAndReferencesAreRejectedWithClearMessages() {
        FileModelRegistry registry = registry();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.register("../escape", artifact(1)));
        assertTrue(e.getMessage().contains("not valid"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelRef.parse("churn@x"));
        assertThrows(IllegalArgumentException.class, () -> ModelRef.parse("churn@0"));
        assertThrows(IllegalArgumentException.class, () -> ModelRef.parse(""));
        assertEquals(new ModelRef("churn", null, "prod"), ModelRef.parse("churn:prod"));
        assertEquals(new ModelRef("churn", 3, null), ModelRef.parse("churn@3"));
    }

    @Test
    void rowsWithProblemsGetErrorsWhileOthersAreScored() throws Exception {
        FileModelRegistry registry = registry();
        registry.register("churn", artifact(1));
        List<Prediction> out = registry.load(ModelRef.parse("churn")).predict(List.of(
                Row.of(Map.of("x", "abc")), Row.of(Map.of("other", "1")), Row.of(Map.of("x", "2"))));
        assertTrue(out.get(0).error().contains("must be a number"), out.get(0).error());
        assertTrue(out.get(1).error().contains("missing column 'x'"), out.get(1).error());
        assertTrue(out.get(2).ok());
    }
}
