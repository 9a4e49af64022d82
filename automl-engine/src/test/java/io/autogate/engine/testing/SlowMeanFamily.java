package io.autogate.engine.testing;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.family.TrainingSet;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.schema.TaskType;
import io.autogate.runtime.testing.ManualClock;
import java.util.Map;

/**
 * A test family whose fit takes simulated time on a {@link ManualClock}: it predicts the class
 * shares (or the mean) of its training rows, optionally shrunk toward uniform. Lets budget tests
 * run in milliseconds of real time.
 */
public final class SlowMeanFamily implements ModelFamily {
    private final ManualClock clock;
    private final long millisPerFit;

    /** A family whose every fit advances {@code clock} by {@code millisPerFit}. */
    public SlowMeanFamily(ManualClock clock, long millisPerFit) {
        this.clock = clock;
        this.millisPerFit = millisPerFit;
    }

    @Override
    public String name() {
        return "slow_mean";
    }

    @Override
    public boolean supports(TaskType task) {
        return true;
    }

    @Override
    public boolean needsScaling() {
        return false;
    }

    @Override
    public NumericModel fit(TrainingSet data, Map<String, Object> params, long seed) {
        clock.advance(millisPerFit);
        double shrink = ((Number) params.get("shrink")).doubleValue();
        int width = data.task().isClassification() ? data.numClasses() : 1;
        double[] out = new double[width];
        for (double y : data.y()) {
            if (data.task().isClassification()) {
                out[(int) y] += 1.0 / data.size();
            } else {
                out[0] += y / data.size();
            }
        }
        if (data.task().isClassification()) {
            for (int c = 0; c < width; c++) {
                out[c] = (1 - shrink) * out[c] + shrink / width;
            }
        }
        return new ConstantModel(out);
    }

    /** Predicts the same output row for every input. */
    record ConstantModel(double[] output) implements NumericModel {
        @Override
        public double[][] score(double[][] features) {
            double[][] out = new double[features.length][];
            for (int i = 0; i < features.length; i++) {
                out[i] = output.clone();
            }
            return out;
        }

        @Override
        public String formatId() {
            return "test-constant";
        }
    }
}
