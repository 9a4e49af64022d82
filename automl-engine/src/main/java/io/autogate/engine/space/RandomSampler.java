package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random search: ignores the history and draws from the space ({@link SearchSpace#sample}). */
public final class RandomSampler implements ParameterSampler {
    @Override
    public Map<String, Object> propose(SearchSpace space, TaskType task, List<Observation> history, SplittableRandom rng) {
        return space.sample(rng, task);
    }

    @Override
    public String toString() {
        return "RandomSampler";
    }
}
