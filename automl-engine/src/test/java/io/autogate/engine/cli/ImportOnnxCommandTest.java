package io.autogate.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.testing.CliRun;
import io.autogate.runtime.model.onnx.TribuoOnnxModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.Label;

/** An outside model enters the registry as ONNX with a declared schema and is then scored like any other. */
class ImportOnnxCommandTest {
    @TempDir
    Path dir;

    @Test
    void importedOnnxModelPredictsThroughTheCommandLine() throws Exception {
        TribuoOnnxModels.Exported<Label> exported = TribuoOnnxModels.classifier(dir, 3);
        Path onnx = dir.resolve("classifier.onnx");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < exported.model().getOutputIDInfo().size(); i++) {
            classes.add(exported.model().getOutputIDInfo().getOutput(i).getLabel());
        }
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"target\":\"kind\",\"task\":\"multiclass\",\"classes\":[\"" + String.join("\",\"", classes)
                + "\"],\"columns\":[\"a_len\",\"b_wid\",\"c_depth\",\"d_mass\"]}");
        Path registry = dir.resolve("registry");
        CliRun run = CliRun.of("import-onnx", "--registry", registry.toString(), "--file", onnx.toString(), "--spec",
                spec.toString(), "--name", "outside");
        assertEquals(0, run.status(), run.err());
        assertEquals("outside@1", run.out().strip());

        Path data = dir.resolve("rows.csv");
        Files.writeString(data, "a_len,b_wid,c_depth,d_mass\n0.9,0.8,0.1,0.2\n-0.5,-0.4,0.9,-0.9\n");
        Path out = dir.resolve("pred.csv");
        CliRun predict = CliRun.of("predict", "--registry", registry.toString(), "--model", "outside", "--data", data.toString(),
                "--out", out.toString());
        assertEquals(0, predict.status(), predict.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("y,"), "a_len + b_wid > 0.4 means class y: " + lines.get(1));
    }

    @Test
    void aFileThatIsNotOnnxIsRefusedAndNothingIsRegistered() throws Exception {
        Path fake = dir.resolve("model.onnx");
        Files.writeString(fake, "a,b\n1,2\n");
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"target\":\"y\",\"task\":\"regression\",\"columns\":[\"a\",\"b\"]}");
        Path registry = dir.resolve("registry");
        CliRun run = CliRun.of("import-onnx", "--registry", registry.toString(), "--file", fake.toString(), "--spec",
                spec.toString(), "--name", "fake");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("not a valid ONNX model"), run.err());
        assertFalse(Files.exists(registry.resolve("fake")));
    }
}
