package io.autogate.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared public datasets ({@code ../shared/datasets} next to the repository) from
 * wherever the tests run: the folder is searched upwards from the working directory.
 */
public final class SharedDatasets {
    private SharedDatasets() {
    }

    /** The path of a shared dataset such as {@code classification/iris.csv}. */
    public static Path path(String relative) {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("datasets").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared dataset not found: " + relative + " (expected ../shared/datasets)");
    }
}
