package io.autogate.runtime.artifact;

import java.util.Map;

/**
 * Everything needed to reproduce a model: the training file's SHA-256 and name, the seed, the
 * run's settings (budget, trial cap, task, selection), library and JVM versions, the git commit of
 * Autogate when known, the Autogate version and the creation time (ISO-8601, UTC).
 */
public record Provenance(
        String dataSha256,
        String dataFile,
        long rows,
        long seed,
        Map<String, Object> settings,
        Map<String, String> libraries,
        String jvm,
        String gitCommit,
        String autogateVersion,
        String createdAt) {
    public Provenance {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        libraries = libraries == null ? Map.of() : Map.copyOf(libraries);
    }
}
