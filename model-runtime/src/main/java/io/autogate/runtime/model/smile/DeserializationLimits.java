package io.autogate.runtime.model.smile;

/**
 * Caps applied while {@link SmileSerializedFormat} deserializes a model file, on top of its class
 * allow-list: nesting depth of the object graph, length of any one array, number of object
 * references and bytes consumed. They bound what a damaged or crafted file can make the reader
 * allocate before it is rejected.
 *
 * @param maxDepth       deepest nesting of objects (a tree of depth d nests about d objects)
 * @param maxArrayLength longest array
 * @param maxReferences  most object references in one file
 * @param maxBytes       most bytes read from one file
 */
public record DeserializationLimits(long maxDepth, long maxArrayLength, long maxReferences, long maxBytes) {

    public DeserializationLimits {
        if (maxDepth < 1 || maxArrayLength < 1 || maxReferences < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("deserialization limits must all be positive, got depth=" + maxDepth
                    + " array=" + maxArrayLength + " refs=" + maxReferences + " bytes=" + maxBytes);
        }
    }

    /**
     * Limits that admit every model the Smile families make (trees at most a few dozen levels deep,
     * up to a few thousand trees, MLP weight matrices of a few million entries): depth 1,000,
     * arrays of 2^24 elements, 100 million references, 2 GiB.
     */
    public static DeserializationLimits defaults() {
        return new DeserializationLimits(1_000, 1L << 24, 100_000_000L, 1L << 31);
    }
}
