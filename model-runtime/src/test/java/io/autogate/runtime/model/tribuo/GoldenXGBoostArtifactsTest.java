package io.autogate.runtime.model.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.protos.XGBoostModelProto;
import org.tribuo.protos.core.ModelProto;

/**
 * Two-class XGBoost artifacts written by the engine (its {@code GoldenXGBoostModels} made the
 * files under {@code golden/}) load here, with no engine class on the classpath, as the gateway
 * loads them: the {@code binary:logistic} model with its {@link XGBoostBinaryConverter} and the
 * {@code multi:softprob} model of the kind every two-class model was before, both scored by the
 * compiled trees, with the probabilities they served when written (bit for bit on the JVM that
 * wrote them; within {@link #SAME} elsewhere).
 */
class GoldenXGBoostArtifactsTest {
    /** Below a float ulp of a probability: the margins are exact, Math.exp may differ by an ulp between JVMs. */
    private static final double SAME = 5e-8;

    private static Path golden(String file) throws URISyntaxException {
        return Path.of(GoldenXGBoostArtifactsTest.class.getResource("/golden/" + file).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"logistic, io.autogate.runtime.model.tribuo.XGBoostBinaryConverter, 20",
        "softprob, org.tribuo.classification.xgboost.XGBoostClassificationConverter, 40"})
    void theArtifactLoadsAndServesWhatItServedWhenWritten(String objective, String converter, int trees)
            throws Exception {
        String name = "xgboost-binary-" + objective;
        List<String> lines = Files.readAllLines(golden("xgboost-binary-rows.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int p0 = header.indexOf(name + ".p0");
        int width = header.indexOf("xgboost-binary-logistic.p0");
        List<String> features = header.subList(0, width);

        TribuoClassifier model = assertInstanceOf(TribuoClassifier.class, new TribuoProtobufFormat()
                .read(golden(name + ".pb"), new ModelContext(TaskType.BINARY, 2, features)));
        assertTrue(model.usesCompiledTrees(), name + " is scored by the compiled trees");
        for (String line : lines.subList(1, lines.size())) {
            double[] cells = Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
            double[] row = Arrays.copyOf(cells, width);
            assertArrayEquals(new double[] {cells[p0], cells[p0 + 1]}, model.score(new double[][] {row})[0], SAME,
                    name + " row " + line);
        }

        assertEquals(converter, storedConverter(golden(name + ".pb")));
        @SuppressWarnings("unchecked")
        XGBoostModel<Label> xgb = (XGBoostModel<Label>) model.tribuoModel();
        assertEquals(trees, xgb.getModelDump().get(0).length);
        Booster booster = xgb.getInnerModels().get(0);
        try {
            String json = new String(booster.toByteArray("json"));
            assertTrue(json.contains("\"name\":\"" + (objective.equals("logistic") ? "binary:logistic" : "multi:softprob")
                    + "\""), "objective of " + name);
        } finally {
            booster.dispose();
        }
    }

    private static String storedConverter(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ModelProto.parseFrom(in).getSerializedData().unpack(XGBoostModelProto.class).getConverter()
                    .getClassName();
        }
    }
}
