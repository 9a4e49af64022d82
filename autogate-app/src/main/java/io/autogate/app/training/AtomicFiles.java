package io.autogate.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file whole or not at all: a temporary file beside it, then an atomic move over it. */
final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}; a reader sees the old content or the new, never a part. */
    static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), TEMP_SUFFIX);
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether {@code file} is a temporary file left by a write that never finished. */
    static boolean isLeftover(Path file) {
        return file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }
}
