package io.autogate.app.training;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training jobs' states under {@code <registry>/.gateway/training-jobs/<id>.json}, each replaced whole on
 * every change ({@link AtomicFiles}), read back when the service starts so a restart keeps its jobs.
 */
final class JobStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };

    private final Path folder;

    JobStore(Path folder) {
        this.folder = folder;
    }

    /** Stores a job's record (see {@link TrainingJob#record}). */
    void save(String id, Map<String, Object> record) {
        try {
            AtomicFiles.write(folder.resolve(id + ".json"), JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("the training job " + id + " cannot be stored: " + e.getMessage(), e);
        }
    }

    /**
     * Every stored record; temporary files of writes cut short are removed, and a record that cannot
     * be read is reported on stderr and left out (the others still load).
     */
    List<Map<String, Object>> loadAll() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                if (AtomicFiles.isLeftover(file)) {
                    Files.deleteIfExists(file);
                } else if (file.getFileName().toString().endsWith(".json")) {
                    try {
                        out.add(JSON.readValue(file.toFile(), RECORD));
                    } catch (IOException e) {
                        System.err.println("warning: training job file " + file + " cannot be read (" + e.getMessage()
                                + "); it is left out");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the training jobs in " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        return out;
    }
}
