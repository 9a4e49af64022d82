package io.autogate.runtime.onnximport;

import static io.autogate.runtime.onnximport.OnnxImportSpecTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.model.onnx.TribuoOnnxModels;
import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.registry.CorruptArtifactException;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.Row;
import io.autogate.runtime.schema.TaskType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

class OnnxImporterTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final OnnxImporter importer = new OnnxImporter(Clock.fixed(NOW, ZoneOffset.UTC));

    private FileModelRegistry registry() {
        return new FileModelRegistry(dir.resolve("registry"), ModelFormats.discover());
    }

    /** Tribuo's output ids are the model's output order, so they give the spec's class list. */
    private static List<String> classesInOutputOrder(TribuoOnnxModels.Exported<Label> exported) {
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < exported.model().getOutputIDInfo().size(); i++) {
            classes.add(exported.model().getOutputIDInfo().getOutput(i).getLabel());
        }
        return classes;
    }

    private static List<Row> rows(List<double[]> values) {
        List<Row> rows = new ArrayList<>();
        for (double[] v : values) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int j = 0; j < v.length; j++) {
                row.put(TribuoOnnxModels.FEATURES.get(j), Double.toString(v[j]));
            }
            rows.add(Row.of(row));
        }
        return rows;
    }

    @Test
    void anImportedClassifierPredictsLikeTribuoAfterRegistration() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 42);
        List<String> classes = classesInOutputOrder(exported);
        OnnxImportSpec spec = new OnnxImportSpec("kind", TaskType.MULTICLASS, classes, TribuoOnnxModels.FEATURES, null, null);
        ModelArtifact artifact = importer.fromOnnx(exported.onnx(), spec);

        FileModelRegistry registry = registry();
        ModelManifest stored = registry.register("tribuo-lr", artifact);
        assertEquals(1, stored.version());
        Predictor predictor = registry.load(ModelRef.parse("tribuo-lr@1"));
        assertEquals(classes, predictor.schema().classes());

        List<Prediction> predictions = predictor.predict(rows(exported.rows()));
        var expected = exported.predictions();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            assertTrue(p.ok(), p.error());
            assertEquals(expected.get(i).getOutput().getLabel(), p.label(), "row " + i);
            for (int c = 0; c < classes.size(); c++) {
                double tribuo = expected.get(i).getOutputScores().get(classes.get(c)).getScore();
                assertEquals(tribuo, p.probabilities().get(c), 1e-5, "row " + i + " class " + classes.get(c));
            }
        }
        // the artifact's own model (before registration) scores the same way
        double[][] direct = artifact.models().get(OnnxImporter.MODEL_FILE).score(exported.rows().toArray(double[][]::new));
        assertEquals(predictions.get(0).probabilities().get(0), direct[0][0], 1e-12);
    }

    @Test
    void anImportedRegressorPredictsLikeTribuoAfterRegistration() throws Exception {
        TribuoOnnxModels.Exported<Regressor> exported = TribuoOnnxModels.regressor(dir, 9);
        OnnxImportSpec spec = OnnxImportSpec.fromJson("{\"target\":\"target\",\"task\":\"regression\",\"columns\":"
                + "[\"a_len\",\"b_wid\",\"c_depth\",\"d_mass\"]}");
        FileModelRegistry registry = registry();
        registry.register("tribuo-linear", importer.fromOnnx(exported.onnx(), spec));
        Predictor predictor = registry.load(ModelRef.parse("tribuo-linear"));

        List<Prediction> predictions = predictor.predict(rows(exported.rows()));
        var expected = exported.predictions();
        double spread = 0;
        for (int i = 0; i < predictions.size(); i++) {
            double tribuo = expected.get(i).getOutput().getValues()[0];
            assertEquals(tribuo, predictions.get(i).value(), 1e-5 * Math.max(1, Math.abs(tribuo)), "row " + i);
            spread = Math.max(spread, Math.abs(tribuo - expected.get(0).getOutput().getValues()[0]));
        }
        assertTrue(spread > 0.5, "the check rows should not all predict the same value");
    }

    @Test
    void theManifestDescribesTheImport() throws Exception {
        TribuoOnnxModels.Exported<Regressor> exported = TribuoOnnxModels.regressor(dir, 1);
        ModelManifest m = importer.fromOnnx(exported.onnx(),
                new OnnxImportSpec("target", TaskType.REGRESSION, null, TribuoOnnxModels.FEATURES, "input", "output")).manifest();
        assertEquals(1, m.members().size());
        assertEquals("onnx", m.members().get(0).family());
        assertEquals(Map.of("input", "input", "output", "output"), m.members().get(0).params());
        var fold = m.members().get(0).folds().get(0);
        assertEquals("model.onnx", fold.file());
        assertEquals("onnx", fold.format());
        assertEquals(TribuoOnnxModels.FEATURES, fold.pipeline().featureNames());
        assertTrue(fold.pipeline().transforms().stream().allMatch(t -> t instanceof NumericTransform n
                && n.median() == 0 && !n.missingIndicator()));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(exported.onnx())),
                m.provenance().dataSha256());
        assertEquals(Map.of("source", "onnx-import"), m.provenance().settings());
        assertEquals(NOW.toString(), m.provenance().createdAt());
        assertTrue(m.provenance().libraries().containsKey("onnxruntime"));
        assertEquals(List.of("imported ONNX model: no training profile"), m.profile().notes());
        assertEquals(0, m.profile().rows());

        // a missing value reaches the model as 0
        double[] withZero = fold.pipeline().transform(Row.of(Map.of("a_len", "1.5", "b_wid", "NA", "c_depth", "", "d_mass", "2")));
        assertEquals(List.of(1.5, 0.0, 0.0, 2.0), java.util.Arrays.stream(withZero).boxed().toList());
    }

    @Test
    void filesThatAreNotOnnxAreRefused() {
        OnnxImportSpec spec = new OnnxImportSpec("y", TaskType.REGRESSION, null, List.of("a", "b"), null, null);
        byte[] random = new byte[512];
        new SplittableRandom(3).nextBytes(random);
        assertMessage("not a valid ONNX model", () -> importer.fromOnnx(random, spec));
        assertMessage("not a valid ONNX model",
                () -> importer.fromOnnx("a,b,y\n1,2,3\n4,5,6\n".getBytes(StandardCharsets.UTF_8), spec));
        assertMessage("the file is empty", () -> importer.fromOnnx(new byte[0], spec));
    }

    @Test
    void aSchemaThatDoesNotFitTheModelIsRefused() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 5);
        List<String> classes = classesInOutputOrder(exported);
        assertMessage("model input has 4 features, the schema declares 3 columns", () -> importer.fromOnnx(exported.onnx(),
                new OnnxImportSpec("k", TaskType.MULTICLASS, classes, List.of("a_len", "b_wid", "c_depth"), null, null)));
        assertMessage("model output 'output' has 3 values per row, the schema declares 4 classes",
                () -> importer.fromOnnx(exported.onnx(), new OnnxImportSpec("k", TaskType.MULTICLASS,
                        List.of("x", "y", "z", "w"), TribuoOnnxModels.FEATURES, null, null)));
        assertMessage("model output 'output' has 3 values per row, regression needs exactly one",
                () -> importer.fromOnnx(exported.onnx(), new OnnxImportSpec("k", TaskType.REGRESSION,
                        null, TribuoOnnxModels.FEATURES, null, null)));
        assertMessage("spec field 'output' names 'probabilities' but the model's outputs are [output]",
                () -> importer.fromOnnx(exported.onnx(), new OnnxImportSpec("k", TaskType.MULTICLASS,
                        classes, TribuoOnnxModels.FEATURES, null, "probabilities")));
        assertMessage("spec field 'input' names 'features' but the model's input is 'input'",
                () -> importer.fromOnnx(exported.onnx(), new OnnxImportSpec("k", TaskType.MULTICLASS,
                        classes, TribuoOnnxModels.FEATURES, "features", null)));
    }

    @Test
    void aModelFileChangedAfterRegistrationIsRefused() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 8);
        FileModelRegistry registry = registry();
        registry.register("tampered", importer.fromOnnx(exported.onnx(), new OnnxImportSpec("k", TaskType.MULTICLASS,
                classesInOutputOrder(exported), TribuoOnnxModels.FEATURES, null, null)));
        Path file = registry.root().resolve("tampered/1/models/model.onnx");
        assertTrue(Files.exists(file));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        CorruptArtifactException e = assertThrows(CorruptArtifactException.class,
                () -> registry.load(ModelRef.parse("tampered@1")));
        assertTrue(e.getMessage().contains("does not match its SHA-256"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
