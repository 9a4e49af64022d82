package io.autogate.engine.family.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.engine.family.TrainingSet;
import io.autogate.engine.metrics.Metrics;
import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.model.tribuo.TribuoClassifier;
import io.autogate.runtime.model.tribuo.TribuoExamples;
import io.autogate.runtime.model.tribuo.TribuoProtobufFormat;
import io.autogate.runtime.model.tribuo.XGBoostBinaryConverter;
import io.autogate.runtime.model.xgboost.CompiledVerification;
import io.autogate.runtime.model.xgboost.CompiledXGBoost;
import io.autogate.runtime.schema.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.protos.XGBoostModelProto;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;
import org.tribuo.protos.ProtoUtil;
import org.tribuo.protos.core.ModelProto;

/**
 * The XGBoost family's objectives on real data: two classes train {@code binary:logistic} (one
 * tree per round) unless {@code multi:softprob} is asked for, multiclass stays
 * {@code multi:softprob}; binary models agree with their native booster, with the compiled
 * scorer and with themselves after a protobuf round trip, and rank as well as softprob models.
 */
class XGBoostObjectiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIMA = "classification/pima-diabetes.csv";

    private static Map<String, Object> params(TaskType task, int rounds) {
        Map<String, Object> params = new HashMap<>(SearchSpaceYaml.load("xgboost").params(task, null));
        params.put("n_estimators", rounds);
        return params;
    }

    private static XGBoostModel<Label> fit(TrainingSet train, Map<String, Object> params) {
        return xgboost(new XGBoostFamily().fit(train, params, 42L));
    }

    @SuppressWarnings("unchecked")
    private static XGBoostModel<Label> xgboost(NumericModel model) {
        return (XGBoostModel<Label>) ((TribuoClassifier) model).tribuoModel();
    }

    /** The learner section of the (only) booster's JSON model. */
    private static JsonNode learner(XGBoostModel<Label> model) throws Exception {
        Booster booster = model.getInnerModels().get(0);
        try {
            return JSON.readTree(booster.toByteArray("json")).path("learner");
        } finally {
            booster.dispose();
        }
    }

    private static int trees(XGBoostModel<Label> model) throws Exception {
        return learner(model).path("gradient_booster").path("model").path("trees").size();
    }

    private static String objective(XGBoostModel<Label> model) throws Exception {
        return learner(model).path("objective").path("name").asText();
    }

    /** Tribuo's own scores by output id (no compiled trees involved). */
    private static double[][] tribuoScores(Model<Label> model, List<String> names, double[][] rows) {
        List<Prediction<Label>> predictions = model.predict(new TribuoExamples(names).of(rows,
                i -> LabelFactory.UNKNOWN_LABEL));
        double[][] out = new double[rows.length][model.getOutputIDInfo().size()];
        for (int i = 0; i < rows.length; i++) {
            for (Map.Entry<String, Label> e : predictions.get(i).getOutputScores().entrySet()) {
                out[i][model.getOutputIDInfo().getID(new Label(e.getKey()))] = e.getValue().getScore();
            }
        }
        return out;
    }

    /** The native booster's predictions, rows laid out by Tribuo feature id. */
    private static float[][] nativePredictions(XGBoostModel<Label> model, List<String> names, double[][] rows)
            throws Exception {
        int cols = names.size();
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < cols; p++) {
                flat[i * cols + model.getFeatureIDMap().getID(names.get(p))] = (float) rows[i][p];
            }
        }
        Booster booster = model.getInnerModels().get(0);
        DMatrix matrix = new DMatrix(flat, rows.length, cols, Float.NaN);
        try {
            return booster.predict(matrix);
        } finally {
            matrix.dispose();
            booster.dispose();
        }
    }

    private static int classOfOutputId(Model<Label> model, int id) {
        return Integer.parseInt(model.getOutputIDInfo().getOutput(id).getLabel());
    }

    @Test
    void twoClassesTrainOneLogisticTreePerRound() throws Exception {
        HeldOutData data = HeldOutData.load(TaskType.BINARY, false);
        XGBoostModel<Label> model = fit(data.train(), params(TaskType.BINARY, 40));
        assertEquals("binary:logistic", objective(model));
        assertEquals(40, trees(model));
        int positive = classOfOutputId(model, 1);
        double share = Arrays.stream(data.train().y()).filter(c -> c == positive).count() / (double) data.train().size();
        assertEquals(share, learner(model).path("learner_model_param").path("base_score").asDouble(), 1e-6,
                "boosting starts from the class prior");
        assertEquals(40, model.getModelDump().get(0).length);
        assertTrue(model.generatesProbabilities());
        assertEquals(XGBoostBinaryTrainer.class.getName(),
                model.getProvenance().getTrainerProvenance().getClassName());
        String recorded = model.getProvenance().getTrainerProvenance().toString();
        assertTrue(recorded.contains("binary:logistic"), recorded);
    }

    @Test
    void softprobCanBeChosenForTwoClassesAndStaysForMulticlass() throws Exception {
        HeldOutData binary = HeldOutData.load(TaskType.BINARY, false);
        Map<String, Object> softprob = params(TaskType.BINARY, 30);
        softprob.put("objective", "multi:softprob");
        XGBoostModel<Label> two = fit(binary.train(), softprob);
        assertEquals("multi:softprob", objective(two));
        assertEquals(60, trees(two));

        HeldOutData iris = HeldOutData.load(TaskType.MULTICLASS, false);
        Map<String, Object> multiclass = params(TaskType.MULTICLASS, 20);
        assertTrue(!multiclass.containsKey("objective"), "the space leaves the multiclass objective to the family");
        XGBoostModel<Label> three = fit(iris.train(), multiclass);
        assertEquals("multi:softprob", objective(three));
        assertEquals(60, trees(three));
        multiclass.put("objective", "multi:softprob");
        assertEquals(60, trees(fit(iris.train(), multiclass)));
    }

    @Test
    void logisticForMoreThanTwoClassesOrAnUnknownObjectiveIsRejectedByName() {
        HeldOutData iris = HeldOutData.load(TaskType.MULTICLASS, false);
        Map<String, Object> logistic = params(TaskType.MULTICLASS, 5);
        logistic.put("objective", "binary:logistic");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new XGBoostFamily().fit(iris.train(), logistic, 1L));
        assertEquals("xgboost: parameter 'objective' binary:logistic is for two classes, the task has 3;"
                + " use multi:softprob", e.getMessage());

        Map<String, Object> hinge = params(TaskType.BINARY, 5);
        hinge.put("objective", "binary:hinge");
        TrainingSet train = HeldOutData.load(TaskType.BINARY, false).trainHead(50);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new XGBoostFamily().fit(train, hinge, 1L));
        assertTrue(unknown.getMessage().contains("'objective'") && unknown.getMessage().contains("binary:hinge"),
                unknown.getMessage());
    }

    @Test
    void theBinaryTrainerRefusesOtherObjectivesAndOtherLabelCounts() {
        IllegalArgumentException objective = assertThrows(IllegalArgumentException.class,
                () -> new XGBoostBinaryTrainer(5, Map.of("objective", "multi:softprob")));
        assertTrue(objective.getMessage().contains("multi:softprob"), objective.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new XGBoostBinaryTrainer(5, Map.of("num_class", 2)));
        TrainingSet iris = HeldOutData.load(TaskType.MULTICLASS, false).train();
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> new XGBoostBinaryTrainer(5, Map.of("nthread", 1)).train(TribuoTraining.classificationData(iris)));
        assertTrue(labels.getMessage().contains("found 3"), labels.getMessage());
    }

    @Test
    void probabilitiesAreTheNativeBoostersAndSumToOne() throws Exception {
        HeldOutData data = HeldOutData.load(TaskType.BINARY, false);
        TribuoClassifier served = (TribuoClassifier) new XGBoostFamily().fit(data.train(), params(TaskType.BINARY, 60), 7L);
        XGBoostModel<Label> model = xgboost(served);
        List<String> names = data.train().featureNames();
        float[][] p = nativePredictions(model, names, data.testX());
        double[][] tribuo = tribuoScores(model, names, data.testX());
        double[][] probabilities = served.score(data.testX());
        assertTrue(served.usesCompiledTrees());
        int positive = classOfOutputId(model, 1);
        for (int i = 0; i < p.length; i++) {
            assertEquals(1, p[i].length);
            assertEquals(p[i][0], tribuo[i][1], 0.0, "row " + i + ": Tribuo's score of output id 1");
            assertEquals(1.0 - p[i][0], tribuo[i][0], 0.0, "row " + i + ": Tribuo's score of output id 0");
            assertEquals(p[i][0], probabilities[i][positive], CompiledVerification.TOLERANCE, "row " + i);
            assertEquals(1.0, probabilities[i][0] + probabilities[i][1], 1e-12, "row " + i);
        }
        double auc = Metrics.auc(data.testY(), probabilities);
        assertTrue(auc > 0.95, "held-out AUC " + auc);
    }

    @ParameterizedTest(name = "{0} rounds, depth {1}")
    @CsvSource({"10, 2", "80, 6", "150, 5"})
    void compiledScoringEqualsTribuo(int rounds, int depth) throws Exception {
        HeldOutData data = HeldOutData.load(PIMA, TaskType.BINARY, false);
        Map<String, Object> params = params(TaskType.BINARY, rounds);
        params.put("max_depth", depth);
        XGBoostModel<Label> model = fit(data.train(), params);
        List<String> names = data.train().featureNames();
        CompiledXGBoost compiled = CompiledXGBoost.compile(model, names);
        assertEquals(2, compiled.numOutputs());
        double[][] rows = Arrays.copyOf(data.testX(), data.testX().length + 500);
        System.arraycopy(compiled.probeRows(500, 99L), 0, rows, data.testX().length, 500);
        double[][] tribuo = tribuoScores(model, names, rows);
        TribuoClassifier served = new TribuoClassifier(model, 2, names);
        assertTrue(served.usesCompiledTrees());
        double[][] probabilities = served.score(rows);
        for (int i = 0; i < rows.length; i++) {
            double[] byOutputId = compiled.predict(rows[i]);
            for (int id = 0; id < 2; id++) {
                assertEquals(tribuo[i][id], byOutputId[id], CompiledVerification.TOLERANCE, "row " + i + " output id " + id);
                assertEquals(tribuo[i][id], probabilities[i][classOfOutputId(model, id)], CompiledVerification.TOLERANCE,
                        "row " + i + " output id " + id + " as served");
            }
        }
    }

    @Test
    void aProtobufRoundTripKeepsTheConverterAndEveryPrediction(@TempDir Path dir) throws Exception {
        HeldOutData data = HeldOutData.load(TaskType.BINARY, false);
        NumericModel model = new XGBoostFamily().fit(data.train(), params(TaskType.BINARY, 30), 3L);
        TribuoProtobufFormat format = new TribuoProtobufFormat();
        Path file = dir.resolve("model.pb");
        format.write(model, file);
        TribuoClassifier read = (TribuoClassifier) format.read(file,
                new ModelContext(TaskType.BINARY, 2, data.train().featureNames()));
        assertTrue(read.usesCompiledTrees());
        XGBoostModel<Label> rebuilt = xgboost(read);
        assertEquals("binary:logistic", objective(rebuilt));
        assertArrayEquals(model.score(data.testX()), read.score(data.testX()));
        List<String> names = data.train().featureNames();
        assertArrayEquals(tribuoScores(xgboost(model), names, data.testX()), tribuoScores(rebuilt, names, data.testX()));

        XGBoostOutputConverterProto stored = ModelProto.parseFrom(Files.readAllBytes(file)).getSerializedData()
                .unpack(XGBoostModelProto.class).getConverter();
        assertEquals(XGBoostBinaryConverter.class.getName(), stored.getClassName());
        assertInstanceOf(XGBoostBinaryConverter.class, ProtoUtil.deserialize(stored));
    }

    @Test
    void aTwoClassTrainingSetWithOneClassPresentPredictsThatClass() {
        HeldOutData data = HeldOutData.load(TaskType.BINARY, false);
        TrainingSet train = data.trainHead(60);
        double[] ones = new double[train.size()];
        Arrays.fill(ones, 1.0);
        TrainingSet onlyOne = new TrainingSet(train.x(), ones, train.featureNames(), TaskType.BINARY, 2);
        double[][] p = new XGBoostFamily().fit(onlyOne, params(TaskType.BINARY, 5), 1L).score(data.testX());
        for (double[] row : p) {
            assertArrayEquals(new double[] {0, 1}, row, 1e-9);
        }
    }

    @Test
    void logisticRanksAsWellAsSoftprobAtTheSameParameters() {
        HeldOutData data = HeldOutData.load(PIMA, TaskType.BINARY, false);
        Map<String, Object> logistic = params(TaskType.BINARY, 150);
        logistic.putAll(Map.of("max_depth", 5, "min_child_weight", 3.0, "subsample", 0.8, "colsample_bylevel", 0.8,
                "colsample_bytree", 0.8));
        Map<String, Object> softprob = new HashMap<>(logistic);
        softprob.put("objective", "multi:softprob");
        double aucLogistic = Metrics.auc(data.testY(), new XGBoostFamily().fit(data.train(), logistic, 5L)
                .score(data.testX()));
        double aucSoftprob = Metrics.auc(data.testY(), new XGBoostFamily().fit(data.train(), softprob, 5L)
                .score(data.testX()));
        System.out.printf("pima-diabetes held-out AUC: binary:logistic %.4f, multi:softprob %.4f%n", aucLogistic,
                aucSoftprob);
        assertTrue(Math.abs(aucLogistic - aucSoftprob) <= 0.02, aucLogistic + " vs " + aucSoftprob);
    }
}
