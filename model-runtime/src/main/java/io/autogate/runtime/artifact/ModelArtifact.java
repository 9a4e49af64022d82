package io.autogate.runtime.artifact;

import io.autogate.runtime.model.NumericModel;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model ready to register or just loaded: the manifest and the fitted models keyed by the file
 * names its {@link FoldSpec}s use.
 */
public record ModelArtifact(ModelManifest manifest, Map<String, NumericModel> models) {
    public ModelArtifact {
        models = Map.copyOf(models);
        Set<String> referenced = new TreeSet<>();
        manifest.members().forEach(m -> m.folds().forEach(f -> referenced.add(f.file())));
        if (!referenced.equals(new TreeSet<>(models.keySet()))) {
            throw new IllegalArgumentException("model files " + new TreeSet<>(models.keySet())
                    + " do not match the manifest's " + referenced);
        }
    }
}
