package io.autogate.runtime.model.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Small Tribuo models trained on synthetic rows and exported to real ONNX files, for tests.
 * Tribuo orders an exported model's input by feature name, so the names sort in column order.
 * Tribuo's SGD logistic regression is used for classification because its ONNX graph (Gemm then
 * Softmax) computes the same probabilities as Tribuo itself; LibLinear's exported softmax differs
 * from liblinear's own one-vs-rest probabilities.
 */
public final class TribuoOnnxModels {
    /** Feature names, in the order of the exported model's input. */
    public static final List<String> FEATURES = List.of("a_len", "b_wid", "c_depth", "d_mass");

    private TribuoOnnxModels() {
    }

    /** A trained Tribuo model, the rows it can be checked on, and its ONNX export. */
    public record Exported<T extends org.tribuo.Output<T>>(Model<T> model, List<double[]> rows, byte[] onnx) {
        /** Tribuo's own predictions for {@link #rows}. */
        public List<Prediction<T>> predictions() {
            List<Example<T>> examples = new ArrayList<>();
            for (double[] r : rows) {
                examples.add(new ArrayExample<>(model.getOutputIDInfo().getDomain().iterator().next(),
                        FEATURES.toArray(String[]::new), r));
            }
            return model.predict(examples);
        }
    }

    /** Three classes ("x", "y", "z") over four features, 300 rows, exported to {@code dir}. */
    public static Exported<Label> classifier(Path dir, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", factory), factory);
        for (int i = 0; i < 300; i++) {
            double[] x = row(random);
            String label = x[0] + x[1] > 0.4 ? "y" : x[2] - x[3] > 0 ? "x" : "z";
            data.add(new ArrayExample<>(new Label(label), FEATURES.toArray(String[]::new), x));
        }
        Model<Label> model = new LogisticRegressionTrainer().train(data);
        return new Exported<>(model, checkRows(random), export(model, dir.resolve("classifier.onnx")));
    }

    /**
     * The classifier of {@link #classifier} re-exported with two outputs, as converters from other
     * tools write them: first {@code label} (a one-hot Hardmax of the probabilities, as wide as
     * the probabilities but not them), then {@code probabilities}.
     */
    public static byte[] withLabelAndProbabilityOutputs(Model<Label> model) {
        ONNXContext onnx = new ONNXContext();
        onnx.setName("label-and-probabilities");
        ONNXPlaceholder input = onnx.floatInput("input", FEATURES.size());
        int classes = model.getOutputIDInfo().size();
        ONNXPlaceholder label = onnx.floatOutput("label", classes);
        ONNXPlaceholder probabilities = onnx.floatOutput("probabilities", classes);
        ONNXNode probs = ((ONNXExportable) model).writeONNXGraph(input);
        probs.apply(ONNXOperators.HARDMAX, Map.of("axis", 1)).assignTo(label);
        probs.apply(ONNXOperators.IDENTITY).assignTo(probabilities);
        return ONNXExportable.buildModel(onnx, "io.autogate.test", 1, model).toByteArray();
    }

    /** A linear target over four features plus noise, 300 rows, exported to {@code dir}. */
    public static Exported<Regressor> regressor(Path dir, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", factory), factory);
        for (int i = 0; i < 300; i++) {
            double[] x = row(random);
            double y = 3 * x[0] - 2 * x[1] + 0.5 * x[3] + 1 + 0.05 * (random.nextDouble() - 0.5);
            data.add(new ArrayExample<>(new Regressor("target", y), FEATURES.toArray(String[]::new), x));
        }
        Model<Regressor> model = new LibLinearRegressionTrainer().train(data);
        return new Exported<>(model, checkRows(random), export(model, dir.resolve("regressor.onnx")));
    }

    private static double[] row(SplittableRandom random) {
        double[] x = new double[FEATURES.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.round((random.nextDouble() * 2 - 1) * 1000) / 1000.0;
        }
        return x;
    }

    private static List<double[]> checkRows(SplittableRandom random) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row(random));
        }
        return rows;
    }

    private static byte[] export(Model<?> model, Path file) throws IOException {
        ((ONNXExportable) model).saveONNXModel("io.autogate.test", 1, file);
        return Files.readAllBytes(file);
    }
}
