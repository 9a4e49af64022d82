package io.autogate.runtime.model.xgboost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a booster saved in XGBoost's JSON model format ({@code Booster.toByteArray("json")},
 * XGBoost 1.x) into {@link BoosterTrees}. Numbers are read as decimals and rounded once to
 * float, so thresholds and leaf values are exactly the booster's. Stateless and thread-safe.
 */
final class TreeJsonReader {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private TreeJsonReader() {
    }

    /**
     * The booster's trees, with base margins of zero until calibration sets them.
     *
     * @param json              the saved model
     * @param positionOfFeature feature-vector position of each XGBoost feature index
     * @param numFeatures       length of the feature vectors
     * @throws XGBoostCompilationException if the model uses anything this evaluator does not
     *                                     reproduce (dart, categorical splits, vector leaves,
     *                                     unknown features or objectives) or is malformed
     */
    static BoosterTrees read(byte[] json, int[] positionOfFeature, int numFeatures) throws XGBoostCompilationException {
        JsonNode learner;
        try {
            learner = JSON.readTree(json).path("learner");
        } catch (IOException e) {
            throw new XGBoostCompilationException("the booster's JSON model cannot be parsed", e);
        }
        OutputTransform transform = OutputTransform.of(learner.path("objective").path("name").asText());
        JsonNode booster = learner.path("gradient_booster");
        if (!booster.path("name").asText().equals("gbtree")) {
            throw new XGBoostCompilationException("booster '" + booster.path("name").asText() + "' is not supported");
        }
        JsonNode params = learner.path("learner_model_param");
        int numGroups;
        float storedBaseScore;
        try {
            numGroups = Math.max(1, Integer.parseInt(params.path("num_class").asText("0")));
            storedBaseScore = transform.marginOffset(Float.parseFloat(params.path("base_score").asText("NaN")));
        } catch (NumberFormatException e) {
            throw new XGBoostCompilationException("the booster's model parameters are malformed", e);
        }
        JsonNode trees = booster.path("model").path("trees");
        JsonNode treeInfo = booster.path("model").path("tree_info");
        if (!trees.isArray() || trees.isEmpty() || treeInfo.size() != trees.size()) {
            throw new XGBoostCompilationException("the booster's JSON model holds no usable tree list");
        }
        int totalNodes = 0;
        for (JsonNode tree : trees) {
            totalNodes += tree.path("left_children").size();
        }
        int[] roots = new int[trees.size()];
        int[] group = new int[trees.size()];
        int[] depth = new int[trees.size()];
        int[] nodes = new int[totalNodes * BoosterTrees.STRIDE];
        int used = 0;
        for (int t = 0; t < trees.size(); t++) {
            group[t] = treeInfo.get(t).asInt(-1);
            if (group[t] < 0 || group[t] >= numGroups) {
                throw new XGBoostCompilationException("tree " + t + " belongs to output group " + group[t] + " of "
                        + numGroups);
            }
            roots[t] = used * BoosterTrees.STRIDE;
            int[] count = readTree(t, trees.get(t), positionOfFeature, numFeatures, nodes, used);
            used += count[0];
            depth[t] = count[1];
        }
        return new BoosterTrees(storedBaseScore, transform, numGroups, numFeatures, roots, group, depth,
                Arrays.copyOf(nodes, used * BoosterTrees.STRIDE), new float[numGroups]);
    }

    // Writes the tree's reachable nodes in pre-order from node index `first`; returns their number and the depth.
    private static int[] readTree(int t, JsonNode tree, int[] positionOfFeature, int numFeatures, int[] nodes,
            int first) throws XGBoostCompilationException {
        int n = tree.path("left_children").size();
        int[] lefts = ints(tree.path("left_children"));
        int[] rights = ints(tree.path("right_children"));
        int[] splits = ints(tree.path("split_indices"));
        int[] defaultLeft = ints(tree.path("default_left"));
        JsonNode conditions = tree.path("split_conditions");
        JsonNode splitTypes = tree.path("split_type");
        if (n == 0 || rights.length != n || splits.length != n || conditions.size() != n || defaultLeft.length != n) {
            throw new XGBoostCompilationException("tree " + t + " has inconsistent node arrays");
        }
        if (!tree.path("categories_nodes").isEmpty()
                || !tree.path("tree_param").path("size_leaf_vector").asText("0").equals("0")) {
            throw new XGBoostCompilationException("tree " + t + " uses categorical splits or vector leaves");
        }
        // Pre-order numbering: pop a node, then its left child comes next.
        int[] order = new int[n];
        int[] newIndex = new int[n];
        Arrays.fill(newIndex, -1);
        int[] level = new int[n];
        int depth = 0;
        int[] stack = new int[n + 1];
        int top = 0;
        int count = 0;
        stack[top++] = 0;
        while (top > 0) {
            int i = stack[--top];
            if (i < 0 || i >= n || newIndex[i] >= 0) {
                throw new XGBoostCompilationException("tree " + t + " is not a tree at node " + i);
            }
            newIndex[i] = count;
            order[count++] = i;
            depth = Math.max(depth, level[i]);
            if (lefts[i] != -1) {
                if (top + 2 > stack.length || rights[i] < 0 || rights[i] >= n || lefts[i] < 0 || lefts[i] >= n) {
                    throw new XGBoostCompilationException("tree " + t + " is not a tree at node " + i);
                }
                level[rights[i]] = level[i] + 1;
                level[lefts[i]] = level[i] + 1;
                stack[top++] = rights[i];
                stack[top++] = lefts[i];
            }
        }
        for (int k = 0; k < count; k++) {
            int i = order[k];
            int at = (first + k) * BoosterTrees.STRIDE;
            nodes[at + BoosterTrees.VALUE] = Float.floatToRawIntBits(Float.parseFloat(conditions.get(i).asText()));
            if (lefts[i] == -1) {
                nodes[at + BoosterTrees.FEATURE] = numFeatures;
                nodes[at + BoosterTrees.RIGHT] = at;
                nodes[at + BoosterTrees.MISSING] = at;
                continue;
            }
            if (splitTypes.size() == n && splitTypes.get(i).asInt() != 0) {
                throw new XGBoostCompilationException("tree " + t + " node " + i + " is a categorical split");
            }
            if (splits[i] < 0 || splits[i] >= positionOfFeature.length) {
                throw new XGBoostCompilationException("tree " + t + " splits on unknown feature index " + splits[i]);
            }
            int right = (first + newIndex[rights[i]]) * BoosterTrees.STRIDE;
            nodes[at + BoosterTrees.FEATURE] = positionOfFeature[splits[i]];
            nodes[at + BoosterTrees.RIGHT] = right;
            nodes[at + BoosterTrees.MISSING] = defaultLeft[i] != 0 ? at + BoosterTrees.STRIDE : right;
        }
        return new int[] {count, depth};
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
