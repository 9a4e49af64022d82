package io.autogate.runtime.registry;

import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.predict.Predictor;
import java.io.IOException;
import java.util.List;

/**
 * Stores models by name with increasing versions and named aliases. Registration is atomic: a
 * version is either fully visible or not at all, and concurrent registrations of one name get
 * distinct versions.
 */
public interface ModelRegistry {
    /** Registers a draft under a name as the next version and returns the stored manifest. */
    ModelManifest register(String name, ModelArtifact draft) throws IOException;

    /** The manifest a reference points to. */
    ModelManifest manifest(ModelRef ref) throws ModelException;

    /** Loads the model a reference points to, after checking every file against its hash. */
    Predictor load(ModelRef ref) throws ModelException;

    /**
     * The forecaster of a forecasting model a reference points to.
     *
     * @throws ModelException when the model is not a forecasting model
     */
    default Forecaster loadForecaster(ModelRef ref) throws ModelException {
        ModelManifest manifest = manifest(ref);
        if (!manifest.hasForecast()) {
            throw new ModelException("model " + ref + " is not a forecasting model; use predict");
        }
        return new Forecaster(manifest.forecast());
    }

    /** Every model with its versions and aliases, by name. */
    List<RegisteredModel> list() throws IOException;

    /**
     * Deletes one version. Its number is never given out again. Refused with
     * {@link ModelInUseException} while an alias points at it.
     */
    void delete(String name, int version) throws ModelException, IOException;

    /** Points an alias of a model at one of its versions (creating or moving it). */
    void setAlias(String name, String alias, int version) throws ModelException, IOException;
}
