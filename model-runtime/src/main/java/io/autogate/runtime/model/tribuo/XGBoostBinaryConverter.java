package io.autogate.runtime.model.tribuo;

import com.google.protobuf.Any;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;
import org.tribuo.protos.ProtoSerializableClass;
import org.tribuo.protos.ProtoUtil;

/**
 * Turns the output of a two-class XGBoost booster trained with {@code binary:logistic} (one
 * probability {@code p} per row, of the label whose Tribuo output id is 1) into a Tribuo
 * {@link Label} prediction with both classes: output id 1 scores {@code p}, output id 0 scores
 * {@code 1 - p} (computed in double from the float {@code p}), and the higher score is the
 * predicted label (id 0 on a tie). The trainer must have used each example's output id as its
 * 0/1 label, as Tribuo's own classification trainer does.
 *
 * <p>Tribuo's {@code XGBoostClassificationConverter} maps booster output {@code i} to output id
 * {@code i}, which is right only for {@code multi:softprob}; models trained that way keep it.
 *
 * <p>Stored with the model in Tribuo's protobuf form: it has no state, so its proto carries only
 * the class name and {@link #CURRENT_VERSION}, and {@link #deserializeFromProto} rebuilds it (Tribuo's
 * {@code ProtoUtil} finds that method by the class name). Also Java-serializable, as every
 * {@link XGBoostOutputConverter} is. Stateless and thread-safe.
 */
@ProtoSerializableClass(version = XGBoostBinaryConverter.CURRENT_VERSION)
public final class XGBoostBinaryConverter implements XGBoostOutputConverter<Label> {
    private static final long serialVersionUID = 1L;

    /** Version of the protobuf form. */
    public static final int CURRENT_VERSION = 0;

    /** The converter; it has no settings. */
    public XGBoostBinaryConverter() {
    }

    /**
     * Rebuilds the converter from its protobuf form; called by Tribuo's {@code ProtoUtil} by reflection.
     *
     * @param version   the stored version
     * @param className the stored class name
     * @param message   the stored data, which must be empty
     * @throws IllegalArgumentException for an unknown version or a non-empty message
     */
    public static XGBoostBinaryConverter deserializeFromProto(int version, String className, Any message) {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown version " + version + " of " + className
                    + ", this class reads versions up to " + CURRENT_VERSION);
        }
        if (!message.getValue().isEmpty()) {
            throw new IllegalArgumentException(className + " has no state, but its stored data is not empty");
        }
        return new XGBoostBinaryConverter();
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public Prediction<Label> convertOutput(ImmutableOutputInfo<Label> info, List<float[]> outputs,
            int numValidFeatures, Example<Label> example) {
        requireShape(info, outputs.size());
        return prediction(info, single(outputs.get(0)), numValidFeatures, example);
    }

    @Override
    public List<Prediction<Label>> convertBatchOutput(ImmutableOutputInfo<Label> info, List<float[][]> outputs,
            int[] numValidFeatures, Example<Label>[] examples) {
        requireShape(info, outputs.size());
        float[][] rows = outputs.get(0);
        List<Prediction<Label>> predictions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            predictions.add(prediction(info, single(rows[i]), numValidFeatures[i], examples[i]));
        }
        return predictions;
    }

    private static void requireShape(ImmutableOutputInfo<Label> info, int boosters) {
        if (boosters != 1) {
            throw new IllegalArgumentException("a binary:logistic model has one booster, got " + boosters);
        }
        if (info.size() != 2) {
            throw new IllegalArgumentException("a binary:logistic model has two labels, got " + info.size());
        }
    }

    private static float single(float[] row) {
        if (row.length != 1) {
            throw new IllegalArgumentException("a binary:logistic booster gives one value per row, got " + row.length);
        }
        return row[0];
    }

    private static Prediction<Label> prediction(ImmutableOutputInfo<Label> info, float p, int numValidFeatures,
            Example<Label> example) {
        Label zero = new Label(info.getOutput(0).getLabel(), 1.0 - p);
        Label one = new Label(info.getOutput(1).getLabel(), p);
        Map<String, Label> scores = new LinkedHashMap<>();
        scores.put(zero.getLabel(), zero);
        scores.put(one.getLabel(), one);
        return new Prediction<>(one.getScore() > zero.getScore() ? one : zero, scores, numValidFeatures, example, true);
    }

    @Override
    public XGBoostOutputConverterProto serialize() {
        return ProtoUtil.serialize(this);
    }

    @Override
    public Class<Label> getTypeWitness() {
        return Label.class;
    }

    @Override
    public String toString() {
        return "XGBoostBinaryConverter(binary:logistic, p = output id 1)";
    }
}
