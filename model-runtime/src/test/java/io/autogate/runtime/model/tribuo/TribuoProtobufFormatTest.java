package io.autogate.runtime.model.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.classification.Label;
import java.util.List;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.Model;

/** {@link TribuoProtobufFormat} round trips and its refusals. */
class TribuoProtobufFormatTest {
    private final SmallData data = new SmallData(200, 2L);
    private final TribuoProtobufFormat format = new TribuoProtobufFormat();
    private final ModelContext classes = new ModelContext(TaskType.MULTICLASS, 3, SmallData.NAMES);
    private final ModelContext regression = new ModelContext(TaskType.REGRESSION, 0, SmallData.NAMES);

    private NumericModel roundTrip(NumericModel model, ModelContext context, Path dir) throws IOException {
        Path file = dir.resolve("model.pb");
        format.write(model, file);
        NumericModel read = format.read(file, context);
        assertArrayEquals(model.score(data.x), read.score(data.x), model + " changed in the round trip");
        return read;
    }

    @Test
    void classifiersRoundTrip(@TempDir Path dir) throws IOException {
        Map<String, Object> xgb = new HashMap<>(Map.of("objective", "multi:softprob", "nthread", 1, "seed", 1,
                "verbosity", 0, "tree_method", "hist"));
        roundTrip(new TribuoClassifier(new XGBoostClassificationTrainer(10, xgb).train(data.labels(false)), 3,
                SmallData.NAMES), classes, dir);
        roundTrip(new TribuoClassifier(new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L1R_LR), 1.0, 100, 0.01, 1L)
                .train(data.labels(false)), 3, SmallData.NAMES), classes, dir);
        CARTClassificationTrainer randomTree = new CARTClassificationTrainer(8, 2f, 0f, 0.7f, true, new GiniIndex(), 1L);
        List<Model<Label>> trees = List.of(randomTree.train(data.labels(false)), randomTree.train(data.labels(false)));
        roundTrip(new TribuoClassifier(WeightedEnsembleModel.createEnsembleFromExistingModels("et", trees,
                new FullyWeightedVotingCombiner()), 3, SmallData.NAMES), classes, dir);
    }

    @Test
    void regressorsRoundTripWithTheirScalingAndCombiner(@TempDir Path dir) throws IOException {
        TargetScaling scaling = TargetScaling.standardising(data.y);
        NumericModel linear = roundTrip(new TribuoRegressor(new LibLinearRegressionTrainer(
                new LinearRegressionType(LinearRegressionType.LinearType.L2R_L2LOSS_SVR), 1.0, 100, 0.01, 0.0, 1L)
                .train(data.targets(scaling), scaling.toProvenance()), SmallData.NAMES), regression, dir);
        assertEquals(scaling, ((TribuoRegressor) linear).scaling());
        roundTrip(new TribuoRegressor(new KNNTrainer<>(3, new org.tribuo.math.distance.L1Distance(), 1, new MeanRegressorCombiner(),
                KNNModel.Backend.STREAMS, org.tribuo.math.neighbour.NeighboursQueryFactoryType.BRUTE_FORCE).train(data.targets(TargetScaling.IDENTITY)), SmallData.NAMES), regression, dir);
        CARTRegressionTrainer randomTree = new CARTRegressionTrainer(8, 2f, 0f, 1f, true, new MeanSquaredError(), 1L);
        List<Model<Regressor>> trees = List.of(randomTree.train(data.targets(TargetScaling.IDENTITY)),
                randomTree.train(data.targets(TargetScaling.IDENTITY)));
        roundTrip(new TribuoRegressor(WeightedEnsembleModel.createEnsembleFromExistingModels("et", trees,
                new MeanRegressorCombiner()), SmallData.NAMES), regression, dir);
    }

    @Test
    void theFileIsAProtobufNotAJavaSerializationStream(@TempDir Path dir) throws IOException {
        Model<Regressor> tree = new CARTRegressionTrainer(4).train(data.targets(TargetScaling.IDENTITY));
        Path file = dir.resolve("tree.pb");
        format.write(new TribuoRegressor(tree, SmallData.NAMES), file);
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 2 && !(bytes[0] == (byte) 0xAC && bytes[1] == (byte) 0xED));
        assertEquals(tree.serialize(), org.tribuo.protos.core.ModelProto.parseFrom(bytes));
        assertThrows(IOException.class, () -> new ObjectInputStream(Files.newInputStream(file)).readObject());
    }

    @Test
    void mismatchesAndDamageAreIoErrors(@TempDir Path dir) throws IOException {
        Model<Regressor> tree = new CARTRegressionTrainer(4).train(data.targets(TargetScaling.IDENTITY));
        Path file = dir.resolve("tree.pb");
        format.write(new TribuoRegressor(tree, SmallData.NAMES), file);
        IOException task = assertThrows(IOException.class, () -> format.read(file, classes));
        assertTrue(task.getMessage().contains("classifier"), task.getMessage());
        IOException names = assertThrows(IOException.class,
                () -> format.read(file, new ModelContext(TaskType.REGRESSION, 0, java.util.List.of("z"))));
        assertTrue(names.getMessage().contains("feature"), names.getMessage());

        Path garbage = dir.resolve("garbage.pb");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7});
        assertThrows(IOException.class, () -> format.read(garbage, regression));
        Path truncated = dir.resolve("truncated.pb");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, () -> format.read(truncated, regression));
    }

    @Test
    void theFormatIsRegisteredAsAService() throws Exception {
        String resource = "/META-INF/services/" + io.autogate.runtime.model.ModelFormat.class.getName();
        try (java.io.InputStream in = getClass().getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            String lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(lines.lines().map(String::strip).anyMatch(TribuoProtobufFormat.class.getName()::equals), lines);
        }
        assertEquals(TribuoProtobufFormat.ID, new io.autogate.runtime.model.ModelFormats(
                java.util.List.of(new TribuoProtobufFormat())).get("tribuo-protobuf").id());
    }

    @Test
    void onlyTribuoModelsAreWritten(@TempDir Path dir) {
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
        assertThrows(IllegalArgumentException.class, () -> format.write(other, dir.resolve("x.pb")));
        assertEquals("tribuo-protobuf", format.id());
    }
}
