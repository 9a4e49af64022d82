package io.autogate.engine.family.tribuo;

import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.TribuoProtobufFormat;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the golden two-class XGBoost artifacts that model-runtime's
 * {@code GoldenXGBoostArtifactsTest} reads without the engine on its classpath: the family's
 * {@code binary:logistic} and {@code multi:softprob} models (20 rounds, depth 3, seed 42) of
 * breast-cancer-wisconsin in the {@code tribuo-protobuf} format, and a CSV of 20 held-out rows
 * with the probabilities each model served when written. Not a test; rerun only to replace the
 * files on purpose:
 * {@code java -cp <automl-engine test classpath> io.autogate.engine.family.tribuo.GoldenXGBoostModels
 * model-runtime/src/test/resources/golden}.
 */
public final class GoldenXGBoostModels {
    private static final int ROWS = 20;

    private GoldenXGBoostModels() {
    }

    /**
     * Writes the files.
     *
     * @param args the output folder
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        HeldOutData data = HeldOutData.load(TaskType.BINARY, false);
        double[][] rows = Arrays.copyOf(data.testX(), ROWS);
        List<String> columns = new ArrayList<>(data.train().featureNames());
        List<double[][]> served = new ArrayList<>();
        for (String objective : List.of("binary:logistic", "multi:softprob")) {
            Map<String, Object> params = new HashMap<>(SearchSpaceYaml.load("xgboost").params(TaskType.BINARY, null));
            params.putAll(Map.of("n_estimators", 20, "max_depth", 3, "objective", objective));
            NumericModel model = new XGBoostFamily().fit(data.train(), params, 42L);
            String name = "xgboost-binary-" + objective.substring(objective.indexOf(':') + 1);
            new TribuoProtobufFormat().write(model, dir.resolve(name + ".pb"));
            served.add(model.score(rows));
            columns.add(name + ".p0");
            columns.add(name + ".p1");
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", columns));
        for (int i = 0; i < ROWS; i++) {
            List<String> cells = new ArrayList<>();
            Arrays.stream(rows[i]).forEach(v -> cells.add(Double.toString(v)));
            for (double[][] p : served) {
                cells.add(Double.toString(p[i][0]));
                cells.add(Double.toString(p[i][1]));
            }
            lines.add(cells.stream().collect(Collectors.joining(",")));
        }
        Files.write(dir.resolve("xgboost-binary-rows.csv"), lines);
    }
}
