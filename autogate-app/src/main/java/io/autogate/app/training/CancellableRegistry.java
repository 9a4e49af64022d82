package io.autogate.app.training;

import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.registry.ModelException;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.registry.ModelRegistry;
import io.autogate.runtime.registry.RegisteredModel;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A registry that refuses to register once its job was cancelled, so a trainer without a
 * progress hook (the forecast trainer) still leaves nothing behind; every other call goes to the
 * real registry.
 */
final class CancellableRegistry implements ModelRegistry {
    private final ModelRegistry registry;
    private final BooleanSupplier cancelled;

    CancellableRegistry(ModelRegistry registry, BooleanSupplier cancelled) {
        this.registry = registry;
        this.cancelled = cancelled;
    }

    @Override
    public ModelManifest register(String name, ModelArtifact draft) throws IOException {
        if (cancelled.getAsBoolean()) {
            throw new JobCancelledException();
        }
        return registry.register(name, draft);
    }

    @Override
    public ModelManifest manifest(ModelRef ref) throws ModelException {
        return registry.manifest(ref);
    }

    @Override
    public Predictor load(ModelRef ref) throws ModelException {
        return registry.load(ref);
    }

    @Override
    public List<RegisteredModel> list() throws IOException {
        return registry.list();
    }

    @Override
    public void delete(String name, int version) throws ModelException, IOException {
        registry.delete(name, version);
    }

    @Override
    public void setAlias(String name, String alias, int version) throws ModelException, IOException {
        registry.setAlias(name, alias, version);
    }
}
