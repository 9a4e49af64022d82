package io.autogate.engine.space;

import io.autogate.runtime.schema.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One parameter of a {@link SearchSpace}: its name, its type with range or choices, its default,
 * the tasks it applies to and the conditions on earlier parameters under which it is active.
 * Values are canonical: floats as {@link Double}, ints as {@link Integer}, choices and fixed
 * values as declared ({@link String}, {@link Number} or {@link Boolean}).
 */
public sealed interface Dimension permits FloatDimension, IntDimension, ChoiceDimension, FixedDimension {
    /** The parameter name, unique within its space. */
    String name();

    /** The tasks the parameter applies to; empty means every task of the space. */
    Set<TaskType> tasks();

    /**
     * Conditions, all of which must hold for the parameter to be active: an earlier parameter's
     * name mapped to the values it may take (numbers compare by value).
     */
    Map<String, List<Object>> when();

    /** The value used when none is given (the fixed value for {@link FixedDimension}). */
    Object defaultValue();

    /**
     * Checks a value and returns it in canonical form.
     *
     * @throws IllegalArgumentException naming the parameter when the value is of the wrong type,
     *     out of range or not one of the choices
     */
    Object validate(Object value);

    /** Draws a value: uniform, log-uniform or a uniform choice; the fixed value for a fixed dimension. */
    Object sample(SplittableRandom rng);

    /** Whether the parameter applies to a task (its conditions aside). */
    default boolean appliesTo(TaskType task) {
        return ParameterValues.includes(tasks(), task);
    }
}
