package io.autogate.runtime.model.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import java.util.Map;
import org.tribuo.Model;

/**
 * An affine map between the regression target and what a Tribuo model was trained on:
 * {@code model value = (target - offset) / scale}. Trainers whose regularisation depends on the
 * target's scale (LibLinear also penalises its bias term) learn a standardised target; the
 * scaling travels inside the model as instance provenance, so the protobuf file carries it.
 *
 * @param offset subtracted from the target before training
 * @param scale  the target is divided by this after the offset; positive and finite
 */
public record TargetScaling(double offset, double scale) {
    /** The instance-provenance key of {@link #offset}. */
    public static final String OFFSET_KEY = "autogate.target-offset";
    /** The instance-provenance key of {@link #scale}. */
    public static final String SCALE_KEY = "autogate.target-scale";
    /** No change. */
    public static final TargetScaling IDENTITY = new TargetScaling(0.0, 1.0);

    public TargetScaling {
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("target offset must be finite, got " + offset);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("target scale must be positive and finite, got " + scale);
        }
    }

    /** Centres on the mean and divides by the standard deviation (1 when the target is constant). */
    public static TargetScaling standardising(double[] target) {
        if (target.length == 0) {
            throw new IllegalArgumentException("cannot standardise an empty target");
        }
        double mean = 0;
        for (double v : target) {
            mean += v;
        }
        mean /= target.length;
        double squares = 0;
        for (double v : target) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / target.length);
        return new TargetScaling(mean, sd > 1e-12 * Math.max(1.0, Math.abs(mean)) ? sd : 1.0);
    }

    /** The scaling recorded in a model's instance provenance, or {@link #IDENTITY} if none is. */
    public static TargetScaling of(Model<?> model) {
        Map<String, ? extends Provenance> values = model.getProvenance().getInstanceProvenance().getMap();
        Provenance offset = values.get(OFFSET_KEY);
        Provenance scale = values.get(SCALE_KEY);
        if (offset == null && scale == null) {
            return IDENTITY;
        }
        if (!(offset instanceof DoubleProvenance o) || !(scale instanceof DoubleProvenance s)) {
            throw new IllegalArgumentException("model provenance holds an incomplete target scaling: " + values);
        }
        return new TargetScaling(o.getValue(), s.getValue());
    }

    /** The run provenance to pass to {@code Trainer.train(dataset, runProvenance)}. */
    public Map<String, Provenance> toProvenance() {
        return Map.of(OFFSET_KEY, new DoubleProvenance(OFFSET_KEY, offset),
                SCALE_KEY, new DoubleProvenance(SCALE_KEY, scale));
    }

    /** A target value as the model learns it. */
    public double toModel(double target) {
        return (target - offset) / scale;
    }

    /** A model output as a target value. */
    public double fromModel(double modelValue) {
        return modelValue * scale + offset;
    }
}
