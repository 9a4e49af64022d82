package io.autogate.runtime.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.Label;

class OnnxModelFormatTest {
    @TempDir
    Path dir;

    private final OnnxModelFormat format = new OnnxModelFormat();

    @Test
    void writesTheOriginalBytesAndReadsAModelThatScoresLikeTribuo() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 7);
        Path file = dir.resolve("copy.onnx");
        try (OnnxNumericModel model = OnnxNumericModel.open(exported.onnx(), TaskType.MULTICLASS, 3, 4, null, null)) {
            assertEquals(new OnnxBinding("input", "output", 4, TaskType.MULTICLASS, 3), model.binding());
            format.write(model, file);
        }
        assertArrayEquals(exported.onnx(), Files.readAllBytes(file));

        NumericModel read = format.read(file, new ModelContext(TaskType.MULTICLASS, 3, TribuoOnnxModels.FEATURES));
        assertEquals("onnx", read.formatId());
        double[][] scores = read.score(exported.rows().toArray(double[][]::new));
        var expected = exported.predictions();
        for (int i = 0; i < scores.length; i++) {
            assertEquals(1.0, scores[i][0] + scores[i][1] + scores[i][2], 1e-9);
            for (var entry : expected.get(i).getOutputScores().entrySet()) {
                int index = exported.model().getOutputIDInfo().getID(new Label(entry.getKey()));
                assertEquals(entry.getValue().getScore(), scores[i][index], 1e-5, "row " + i + " class " + entry.getKey());
            }
        }
        assertEquals(0, read.score(new double[0][]).length);
    }

    @Test
    void theProbabilityOutputIsChosenOverALabelOutput() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 13);
        byte[] twoOutputs = TribuoOnnxModels.withLabelAndProbabilityOutputs(exported.model());
        Path file = dir.resolve("two.onnx");
        Files.write(file, twoOutputs);
        NumericModel read = format.read(file, new ModelContext(TaskType.MULTICLASS, 3, TribuoOnnxModels.FEATURES));
        assertEquals("probabilities", ((OnnxNumericModel) read).binding().output());
        double[][] rows = exported.rows().toArray(double[][]::new);
        double[][] scores = read.score(rows);
        var expected = exported.predictions();
        boolean someRowUnsure = false;
        for (int i = 0; i < rows.length; i++) {
            int best = exported.model().getOutputIDInfo().getID(expected.get(i).getOutput());
            assertEquals(expected.get(i).getOutput().getScore(), scores[i][best], 1e-5);
            someRowUnsure |= scores[i][best] < 0.99;
        }
        assertTrue(someRowUnsure, "one-hot labels would give 1.0 everywhere");

        try (OnnxNumericModel declared = OnnxNumericModel.open(twoOutputs, TaskType.MULTICLASS, 3, 4, "input", "probabilities")) {
            assertEquals("probabilities", declared.binding().output());
        }
        // a declared output recorded in the member's params is honoured when the registry reads the file back
        NumericModel declaredOnRead = format.read(file, new ModelContext(TaskType.MULTICLASS, 3, TribuoOnnxModels.FEATURES,
                java.util.Map.of("input", "input", "output", "label")));
        assertEquals("label", ((OnnxNumericModel) declaredOnRead).binding().output());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxNumericModel.open(twoOutputs, TaskType.MULTICLASS, 3, 4, null, "no_such_output"));
        assertTrue(e.getMessage().contains("no_such_output"), e.getMessage());
    }

    @Test
    void concurrentScoringGivesTheSameAnswers() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 11);
        double[][] rows = exported.rows().toArray(double[][]::new);
        try (OnnxNumericModel model = OnnxNumericModel.open(exported.onnx(), TaskType.MULTICLASS, 3, 4, null, null)) {
            double[][] reference = model.score(rows);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<double[][]>> futures = new java.util.ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> model.score(rows)));
                }
                for (Future<double[][]> f : futures) {
                    assertArrayEquals(reference, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void readRefusesAFileThatIsNotOnnx() throws IOException {
        Path csv = dir.resolve("data.onnx");
        Files.writeString(csv, "a,b,c\n1,2,3\n");
        IOException e = assertThrows(IOException.class,
                () -> format.read(csv, new ModelContext(TaskType.BINARY, 2, List.of("a", "b"))));
        assertTrue(e.getMessage().contains("not a valid ONNX model"), e.getMessage());
    }

    @Test
    void readRefusesAModelWhoseWidthDiffersFromTheContext() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 3);
        Path file = dir.resolve("m.onnx");
        Files.write(file, exported.onnx());
        IOException e = assertThrows(IOException.class,
                () -> format.read(file, new ModelContext(TaskType.MULTICLASS, 3, List.of("a", "b", "c"))));
        assertTrue(e.getMessage().contains("cannot score a [1, 3] float input"), e.getMessage());
    }

    @Test
    void writeRefusesOtherModels() {
        NumericModel other = new NumericModel() {
            @Override
            public double[][] score(double[][] features) {
                return features;
            }

            @Override
            public String formatId() {
                return "other";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> format.write(other, dir.resolve("x.onnx")));
    }

    @Test
    void aClosedModelRefusesToScore() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 5);
        OnnxNumericModel model = OnnxNumericModel.open(exported.onnx(), TaskType.MULTICLASS, 3, 4, null, null);
        model.close();
        model.close();
        assertThrows(IllegalStateException.class, () -> model.score(new double[][] {{0, 0, 0, 0}}));
    }
}
