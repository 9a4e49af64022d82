package io.autogate.engine.family.tribuo;

import io.autogate.engine.family.FitParameters;
import io.autogate.runtime.schema.TaskType;
import java.util.Set;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;

/**
 * The CART settings shared by the decision-tree and extra-trees families.
 *
 * @param maxDepth        deepest level a tree may grow to
 * @param minChildWeight  smallest total example weight a child node may hold
 * @param featureFraction fraction of features considered at each split
 * @param impurity        split criterion for classification; {@code null} for regression
 */
record TreeSettings(int maxDepth, float minChildWeight, float featureFraction, LabelImpurity impurity) {
    private static final Set<String> CRITERIA = Set.of("gini", "entropy");

    static TreeSettings read(String family, FitParameters p, TaskType task) {
        int maxDepth = p.intValue("max_depth", 1, 1000);
        float minChildWeight = (float) p.doubleValue("min_child_weight", 0.0, 1e9);
        float featureFraction = (float) p.doubleValue("feature_fraction", 1e-6, 1.0);
        LabelImpurity impurity = null;
        if (task.isClassification()) {
            impurity = p.choice("criterion", CRITERIA, "gini").equals("entropy") ? new Entropy() : new GiniIndex();
        } else if (p.has("criterion")) {
            throw new IllegalArgumentException(family + ": parameter 'criterion' applies to classification only");
        }
        return new TreeSettings(maxDepth, minChildWeight, featureFraction, impurity);
    }
}
