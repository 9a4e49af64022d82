package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Proposes the next configuration to try from a search space and what came of earlier ones.
 * Implementations are stateless: the same space, task, history and random state give the same
 * proposal, and every random choice comes from {@code rng}.
 */
public interface ParameterSampler {
    /**
     * Proposes a configuration.
     *
     * @param space the family's search space
     * @param task the task, one the space supports
     * @param history earlier observations for this space and task, oldest first
     * @param rng the source of every random choice
     * @return a complete, valid parameter map (as from {@link SearchSpace#complete})
     */
    Map<String, Object> propose(SearchSpace space, TaskType task, List<Observation> history, SplittableRandom rng);
}
