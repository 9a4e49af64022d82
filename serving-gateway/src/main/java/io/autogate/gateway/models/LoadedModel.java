package io.autogate.gateway.models;

import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.predict.Predictor;

/**
 * One registered model version ready to score: its manifest and its predictor. A request keeps
 * the instance it resolved at its start, so it finishes on that version even when an alias moves.
 */
public record LoadedModel(String name, int version, ModelManifest manifest, Predictor predictor) {
    /** {@code name@version}, the id every response and metric uses. */
    public String id() {
        return name + "@" + version;
    }
}
