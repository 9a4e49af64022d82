package io.autogate.gateway.models;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.request.KnownCategories;
import io.autogate.gateway.request.RowValidator;
import io.autogate.gateway.request.UnseenCategoryPolicy;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.registry.CorruptArtifactException;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelException;
import io.autogate.runtime.registry.ModelInUseException;
import io.autogate.runtime.registry.ModelNotFoundException;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.registry.RegisteredModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Resolves model references to loaded models. Two Caffeine caches: reference text to version
 * (short-lived, so an alias moved in the registry, or a new latest version, is picked up within
 * the TTL without a restart) and {@code name@version} to the loaded model (bounded by estimated
 * memory: the model files' size times {@value #MEMORY_PER_FILE_BYTE}). A version, once loaded, is
 * immutable, so callers that resolved it keep scoring on it even after an alias moved. Loading
 * blocks: call from the inference pool, never the event loop ({@link #loaded} never blocks).
 * Thread-safe.
 */
public final class ModelService {
    /** Estimated heap bytes per byte of model file (trees and pipelines expand when read). */
    static final int MEMORY_PER_FILE_BYTE = 4;

    private final FileModelRegistry registry;
    private final Cache<String, Integer> versions;
    private final Cache<String, ServedModel> models;
    private final UnseenCategoryPolicy unseenCategories;

    /** A service over a registry with a model cache of about {@code cacheBytes}. */
    public ModelService(FileModelRegistry registry, long cacheBytes, Duration refTtl,
                        UnseenCategoryPolicy unseenCategories, MeterRegistry meters) {
        this.registry = registry;
        this.unseenCategories = unseenCategories;
        this.versions = Caffeine.newBuilder().expireAfterWrite(refTtl).maximumSize(10_000).build();
        this.models = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((String id, ServedModel m) -> weight(m.model()))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, models, "models");
    }

    /** The registry behind this service. */
    public FileModelRegistry registry() {
        return registry;
    }

    /** The loaded model a reference points to now; 404 when there is none. */
    public ServedModel resolve(ModelRef ref) {
        int version = version(ref);
        return models.get(ref.name() + "@" + version, id -> load(ref.name(), version));
    }

    /** The version a reference points to now (alias and latest lookups cached for the reference TTL); 404 when none. */
    public int version(ModelRef ref) {
        return ref.version() != null ? ref.version() : versions.get(ref.toString(), key -> manifest(ref).version());
    }

    /** The manifest a reference points to, uncached; 404 when there is none. */
    public ModelManifest manifest(ModelRef ref) {
        try {
            return registry.manifest(ref);
        } catch (ModelException e) {
            throw translate(e);
        }
    }

    /** Every registered model. */
    public List<RegisteredModel> list() {
        try {
            return registry.list();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One registered model by name, if present. */
    public Optional<RegisteredModel> find(String name) {
        return list().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Forgets the cached references of a model (its aliases and latest version) so the next request
     * reads the registry again, after an alias moved or a version was added. Loaded versions stay
     * cached: a version never changes once registered.
     */
    public void invalidate(String name) {
        versions.asMap().keySet().removeIf(k -> ModelRef.parse(k).name().equals(name));
    }

    /** Forgets a deleted version: the model's cached references and the loaded version itself. */
    public void forget(String name, int version) {
        invalidate(name);
        models.invalidate(name + "@" + version);
    }

    private ServedModel load(String name, int version) {
        ModelRef ref = new ModelRef(name, version, null);
        try {
            ModelManifest manifest = registry.manifest(ref);
            Predictor predictor = registry.load(ref);
            Map<String, Set<String>> known = KnownCategories.of(manifest);
            return new ServedModel(new LoadedModel(name, version, manifest, predictor),
                    new RowValidator(manifest.schema(), known, unseenCategories), known);
        } catch (ModelException e) {
            throw translate(e);
        }
    }

    private int weight(LoadedModel model) {
        Path dir = registry.root().resolve(model.name()).resolve(Integer.toString(model.version()));
        long bytes = 1 << 20;
        for (String file : model.manifest().files().keySet()) {
            try {
                bytes += Files.size(dir.resolve(file)) * MEMORY_PER_FILE_BYTE;
            } catch (IOException e) {
                // a file deleted after loading: the model in memory is still whole
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /**
     * The API error for a registry failure: 404 for a missing model, 500 for a damaged one, 409
     * {@code model_in_use} for a version an alias points to, 409 {@code model_conflict} otherwise.
     */
    public static ApiException translate(ModelException e) {
        String message = e.getMessage().replaceFirst(" in registry .*$", "");
        if (e instanceof ModelNotFoundException) {
            return ApiException.notFound("model_not_found", message);
        }
        if (e instanceof CorruptArtifactException) {
            return new ApiException(500, "corrupt_artifact", message);
        }
        if (e instanceof ModelInUseException) {
            return new ApiException(409, "model_in_use", message);
        }
        return new ApiException(409, "model_conflict", message);
    }
}
