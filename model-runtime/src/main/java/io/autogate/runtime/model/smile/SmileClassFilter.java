package io.autogate.runtime.model.smile;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * The deserialization filter of {@link SmileSerializedFormat}: admits Smile's own classes
 * ({@code smile.**}), the four wrapper records of this package, a short list of value and
 * collection classes from {@code java.lang}, {@code java.util}, {@code java.math} and
 * {@code java.time}, and arrays of any of these or of primitives. Everything else is rejected,
 * as is any stream that exceeds the {@link DeserializationLimits}.
 */
final class SmileClassFilter implements ObjectInputFilter {

    private static final Set<String> JAVA_CLASSES = Set.of(
            "java.lang.Object", "java.lang.Number", "java.lang.Enum", "java.lang.String",
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.math.BigInteger", "java.math.BigDecimal",
            "java.time.Ser",
            "java.util.Map$Entry", "java.util.CollSer", "java.util.BitSet",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.Arrays$ArrayList",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonMap", "java.util.Collections$SingletonSet",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSet");

    private static final Set<Class<?>> WRAPPERS = Set.of(
            SmileTupleClassifierModel.class, SmileTupleRegressionModel.class,
            SmileVectorClassifierModel.class, SmileVectorRegressionModel.class);

    private final DeserializationLimits limits;

    SmileClassFilter(DeserializationLimits limits) {
        this.limits = limits;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > limits.maxDepth()
                || info.references() > limits.maxReferences()
                || info.streamBytes() > limits.maxBytes()
                || info.arrayLength() > limits.maxArrayLength()) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.ALLOWED;
        }
        return isAllowed(type) ? Status.ALLOWED : Status.REJECTED;
    }

    /** Whether instances (or arrays) of this class may appear in a Smile model file. */
    static boolean isAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive() || WRAPPERS.contains(element)) {
            return true;
        }
        String name = element.getName();
        return name.startsWith("smile.") || JAVA_CLASSES.contains(name);
    }
}
