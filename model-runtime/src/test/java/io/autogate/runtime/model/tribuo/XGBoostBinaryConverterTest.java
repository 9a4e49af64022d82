package io.autogate.runtime.model.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;
import org.tribuo.protos.ProtoUtil;

/** The binary:logistic output converter: both classes from one probability, and its stored forms. */
class XGBoostBinaryConverterTest {
    private final XGBoostBinaryConverter converter = new XGBoostBinaryConverter();

    private static ImmutableOutputInfo<Label> labels(String... names) {
        MutableOutputInfo<Label> info = new LabelFactory().generateInfo();
        for (String name : names) {
            info.observe(new Label(name));
        }
        return info.generateImmutableOutputInfo();
    }

    private static Example<Label> example() {
        return new TribuoExamples(SmallData.NAMES).<Label>of(new double[][] {{1, 2, 3}}, i -> LabelFactory.UNKNOWN_LABEL)
                .get(0);
    }

    @Test
    void theProbabilityBelongsToOutputIdOneAndItsComplementToOutputIdZero() {
        ImmutableOutputInfo<Label> info = labels("1", "0");
        String zero = info.getOutput(0).getLabel();
        String one = info.getOutput(1).getLabel();
        float p = 0.8f;
        Prediction<Label> prediction = converter.convertOutput(info, List.of(new float[] {p}), 3, example());
        assertEquals(p, prediction.getOutputScores().get(one).getScore(), 0.0);
        assertEquals(1.0 - p, prediction.getOutputScores().get(zero).getScore(), 0.0);
        assertEquals(one, prediction.getOutput().getLabel());
        assertTrue(prediction.hasProbabilities());
        assertTrue(converter.generatesProbabilities());

        Prediction<Label> low = converter.convertOutput(info, List.of(new float[] {0.1f}), 3, example());
        assertEquals(zero, low.getOutput().getLabel());
        Prediction<Label> tie = converter.convertOutput(info, List.of(new float[] {0.5f}), 3, example());
        assertEquals(zero, tie.getOutput().getLabel(), "a tie goes to output id 0");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array
    void batchesGiveTheSingleRowResults() {
        ImmutableOutputInfo<Label> info = labels("0", "1");
        float[][] p = {{0.25f}, {0.75f}, {1e-9f}};
        Example<Label>[] examples = new Example[] {example(), example(), example()};
        List<Prediction<Label>> batch = converter.convertBatchOutput(info, List.<float[][]>of(p), new int[] {3, 3, 3},
                examples);
        assertEquals(3, batch.size());
        for (int i = 0; i < p.length; i++) {
            Prediction<Label> single = converter.convertOutput(info, List.of(p[i]), 3, examples[i]);
            assertEquals(single.getOutput().getLabel(), batch.get(i).getOutput().getLabel());
            assertEquals(single.getOutputScores().toString(), batch.get(i).getOutputScores().toString());
        }
    }

    @Test
    void otherShapesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> converter.convertOutput(labels("0", "1", "2"), List.of(new float[] {0.5f}), 3, example()));
        assertThrows(IllegalArgumentException.class,
                () -> converter.convertOutput(labels("0", "1"), List.of(new float[] {0.3f, 0.7f}), 3, example()));
        assertThrows(IllegalArgumentException.class, () -> converter.convertOutput(labels("0", "1"),
                List.of(new float[] {0.5f}, new float[] {0.5f}), 3, example()));
    }

    @Test
    void theProtobufFormRebuildsTheConverterByClassName() {
        XGBoostOutputConverterProto proto = converter.serialize();
        assertEquals(XGBoostBinaryConverter.class.getName(), proto.getClassName());
        assertEquals(XGBoostBinaryConverter.CURRENT_VERSION, proto.getVersion());
        assertInstanceOf(XGBoostBinaryConverter.class, ProtoUtil.deserialize(proto));
        assertThrows(IllegalArgumentException.class, () -> XGBoostBinaryConverter.deserializeFromProto(
                XGBoostBinaryConverter.CURRENT_VERSION + 1, XGBoostBinaryConverter.class.getName(), Any.getDefaultInstance()));
        Any notEmpty = Any.newBuilder().setValue(ByteString.copyFromUtf8("x")).build();
        assertThrows(IllegalArgumentException.class, () -> XGBoostBinaryConverter.deserializeFromProto(0,
                XGBoostBinaryConverter.class.getName(), notEmpty));
    }

    @Test
    void javaSerializationRoundTrips() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(converter);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertInstanceOf(XGBoostBinaryConverter.class, in.readObject());
        }
    }
}
