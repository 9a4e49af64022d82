package io.autogate.runtime.model.tribuo;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.List;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * Averages regression predictions with equal weights. Tribuo 4.3.2's {@link AveragingCombiner}
 * returns the last prediction instead of the mean when called without weights, which is how
 * {@code KNNModel} calls it; this combiner routes that call to the (correct) weighted average
 * with unit weights. It serializes to protobuf under its own class name and is rebuilt by
 * {@link #deserializeFromProto}, which Tribuo finds by reflection.
 */
public final class MeanRegressorCombiner extends AveragingCombiner {
    private static final long serialVersionUID = 1L;

    /** A combiner. */
    public MeanRegressorCombiner() {
    }

    /**
     * Protobuf factory called by Tribuo's {@code ProtoUtil}.
     *
     * @param version   serialized version, 0
     * @param className the class name stored in the proto
     * @param message   the (empty) payload
     * @return a combiner
     */
    public static MeanRegressorCombiner deserializeFromProto(int version, String className, Any message) {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown MeanRegressorCombiner version " + version);
        }
        if (!message.getValue().equals(ByteString.EMPTY)) {
            throw new IllegalArgumentException("invalid MeanRegressorCombiner proto");
        }
        return new MeanRegressorCombiner();
    }

    @Override
    public Prediction<Regressor> combine(ImmutableOutputInfo<Regressor> outputInfo,
            List<Prediction<Regressor>> predictions) {
        float[] weights = new float[predictions.size()];
        Arrays.fill(weights, 1f);
        return combine(outputInfo, predictions, weights);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeanRegressorCombiner;
    }

    @Override
    public int hashCode() {
        return 37;
    }

    @Override
    public String toString() {
        return "MeanRegressorCombiner()";
    }
}
