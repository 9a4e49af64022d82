package io.autogate.runtime.model.xgboost;

import java.util.Arrays;

/**
 * The trees of one XGBoost booster in one flat int array, with split features already mapped to
 * feature-vector positions. Each node takes {@link #STRIDE} ints starting at its offset
 * {@code n}: the feature position, the float bits of the split threshold or leaf value, the
 * offset of the right child and the offset of the child for a missing (NaN) value. Nodes of a
 * tree are laid out in pre-order, so the left child of {@code n} is at {@code n + STRIDE}. A row
 * goes left when {@code x < threshold} as floats, right when {@code x >= threshold}, and to the
 * missing child when {@code x} is NaN.
 *
 * <p>A leaf's feature is the sentinel position {@code numFeatures}, which scoring fills with
 * NaN, and both its children are itself: a walk that reaches a leaf stays there. So a tree can
 * be walked a fixed number of steps (its depth) without testing for leaves, and several trees
 * are walked side by side, which lets their memory loads overlap.
 *
 * <p>Tree {@code t} starts at offset {@code roots[t]} and adds its leaf to the margin of output
 * group {@code group[t]}, in tree order and in float arithmetic, starting from the base margins,
 * as XGBoost's CPU predictor does. Immutable and thread-safe.
 */
final class BoosterTrees {
    /** Ints per node. */
    static final int STRIDE = 4;
    static final int FEATURE = 0;
    static final int VALUE = 1;
    static final int RIGHT = 2;
    static final int MISSING = 3;

    private final float storedBaseScore;
    private final OutputTransform transform;
    private final int numGroups;
    private final int numFeatures;
    private final int[] roots;
    private final int[] group;
    private final int[] depth;
    private final int[] nodes;
    private final float[] baseMargins;

    /**
     * Trees in the layout described in the class comment.
     *
     * @param storedBaseScore the margin offset implied by the {@code base_score} saved in the
     *                        model, NaN if none
     * @param transform       the objective's output transform
     * @param numGroups       number of output groups
     * @param numFeatures     length of the feature vectors, the leaves' sentinel position
     * @param roots           offset of each tree's root
     * @param group           output group of each tree
     * @param depth           depth of each tree (edges on its longest root-to-leaf path)
     * @param nodes           the nodes
     * @param baseMargins     margin of each output group before any tree
     */
    BoosterTrees(float storedBaseScore, OutputTransform transform, int numGroups, int numFeatures, int[] roots,
            int[] group, int[] depth, int[] nodes, float[] baseMargins) {
        if (roots.length != group.length || roots.length != depth.length || baseMargins.length != numGroups) {
            throw new IllegalArgumentException("inconsistent tree arrays");
        }
        this.storedBaseScore = storedBaseScore;
        this.transform = transform;
        this.numGroups = numGroups;
        this.numFeatures = numFeatures;
        this.roots = roots;
        this.group = group;
        this.depth = depth;
        this.nodes = nodes;
        this.baseMargins = baseMargins.clone();
    }

    /** The same trees starting from other base margins, one per output group. */
    BoosterTrees withBaseMargins(float[] margins) {
        return new BoosterTrees(storedBaseScore, transform, numGroups, numFeatures, roots, group, depth, nodes,
                margins);
    }

    /**
     * The margin offset implied by the {@code base_score} saved in the model (NaN if absent),
     * see {@link OutputTransform#marginOffset}; calibration only takes it when the native
     * margins confirm it.
     */
    float storedBaseScore() {
        return storedBaseScore;
    }

    /** Number of output groups (classes for {@code multi:softprob}, else 1). */
    int numGroups() {
        return numGroups;
    }

    /** Number of predictions per row: 2 for {@code binary:logistic}, else one per output group. */
    int numOutputs() {
        return transform.numOutputs(numGroups);
    }

    /** The base margin of each output group. */
    float[] baseMargins() {
        return baseMargins.clone();
    }

    /**
     * Writes the predictions for a row of float feature values ({@link #numOutputs} of them) to
     * {@code out} from index {@code at}.
     *
     * @param x the feature vector, {@code numFeatures} long
     */
    void predict(float[] x, double[] out, int at) {
        transform.apply(margins(x), out, at);
    }

    /**
     * The raw margins for a row of float feature values, one per output group: the base margins
     * plus the leaves reached, before the objective's transform.
     *
     * @param x the feature vector, {@code numFeatures} long
     */
    float[] margins(float[] x) {
        float[] xs = Arrays.copyOf(x, numFeatures + 1);
        xs[numFeatures] = Float.NaN;
        float[] margins = baseMargins.clone();
        if (hasNaN(x)) {
            for (int t = 0; t < roots.length; t++) {
                margins[group[t]] += leafWithMissing(roots[t], xs);
            }
        } else {
            addLeavesWithoutMissing(xs, margins);
        }
        return margins;
    }

    private static boolean hasNaN(float[] x) {
        for (float v : x) {
            if (v != v) {
                return true;
            }
        }
        return false;
    }

    // No NaN among the features: every comparison decides, and only leaves see the NaN sentinel
    // (which sends them to themselves). Four trees at a time, leaves added in tree order. The right
    // child is loaded before the comparison so that the JIT can select without a branch.
    private void addLeavesWithoutMissing(float[] xs, float[] margins) {
        int[] a = nodes;
        int t = 0;
        for (; t + 4 <= roots.length; t += 4) {
            int n0 = roots[t];
            int n1 = roots[t + 1];
            int n2 = roots[t + 2];
            int n3 = roots[t + 3];
            int steps = Math.max(Math.max(depth[t], depth[t + 1]), Math.max(depth[t + 2], depth[t + 3]));
            for (int s = 0; s < steps; s++) {
                int r0 = a[n0 + RIGHT];
                n0 = xs[a[n0]] < Float.intBitsToFloat(a[n0 + VALUE]) ? n0 + STRIDE : r0;
                int r1 = a[n1 + RIGHT];
                n1 = xs[a[n1]] < Float.intBitsToFloat(a[n1 + VALUE]) ? n1 + STRIDE : r1;
                int r2 = a[n2 + RIGHT];
                n2 = xs[a[n2]] < Float.intBitsToFloat(a[n2 + VALUE]) ? n2 + STRIDE : r2;
                int r3 = a[n3 + RIGHT];
                n3 = xs[a[n3]] < Float.intBitsToFloat(a[n3 + VALUE]) ? n3 + STRIDE : r3;
            }
            margins[group[t]] += Float.intBitsToFloat(a[n0 + VALUE]);
            margins[group[t + 1]] += Float.intBitsToFloat(a[n1 + VALUE]);
            margins[group[t + 2]] += Float.intBitsToFloat(a[n2 + VALUE]);
            margins[group[t + 3]] += Float.intBitsToFloat(a[n3 + VALUE]);
        }
        for (; t < roots.length; t++) {
            int n = roots[t];
            for (int s = 0; s < depth[t]; s++) {
                int r = a[n + RIGHT];
                n = xs[a[n]] < Float.intBitsToFloat(a[n + VALUE]) ? n + STRIDE : r;
            }
            margins[group[t]] += Float.intBitsToFloat(a[n + VALUE]);
        }
    }

    private float leafWithMissing(int root, float[] xs) {
        int n = root;
        int f;
        while ((f = nodes[n + FEATURE]) != numFeatures) {
            float v = xs[f];
            float threshold = Float.intBitsToFloat(nodes[n + VALUE]);
            n = v < threshold ? n + STRIDE : v >= threshold ? nodes[n + RIGHT] : nodes[n + MISSING];
        }
        return Float.intBitsToFloat(nodes[n + VALUE]);
    }

    /** Number of trees adding to each output group. */
    int[] treesPerGroup() {
        int[] counts = new int[numGroups];
        for (int g : group) {
            counts[g]++;
        }
        return counts;
    }

    /** The leaf values a row reaches, per output group, in tree order. */
    float[][] leavesReached(float[] x) {
        float[] xs = Arrays.copyOf(x, numFeatures + 1);
        xs[numFeatures] = Float.NaN;
        int[] counts = treesPerGroup();
        float[][] leaves = new float[numGroups][];
        for (int g = 0; g < numGroups; g++) {
            leaves[g] = new float[counts[g]];
        }
        int[] filled = new int[numGroups];
        for (int t = 0; t < roots.length; t++) {
            leaves[group[t]][filled[group[t]]++] = leafWithMissing(roots[t], xs);
        }
        return leaves;
    }

    /** The distinct split thresholds on a feature-vector position, ascending. */
    float[] thresholdsAt(int position) {
        float[] found = new float[nodes.length / STRIDE];
        int count = 0;
        for (int n = 0; n < nodes.length; n += STRIDE) {
            if (nodes[n + FEATURE] == position) {
                found[count++] = Float.intBitsToFloat(nodes[n + VALUE]);
            }
        }
        Arrays.sort(found, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || found[i] != found[distinct - 1]) {
                found[distinct++] = found[i];
            }
        }
        return Arrays.copyOf(found, distinct);
    }
}
