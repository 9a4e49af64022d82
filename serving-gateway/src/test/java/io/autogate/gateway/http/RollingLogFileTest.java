package io.autogate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingLogFileTest {
    @TempDir
    Path dir;

    private static String line(char c) {
        return String.valueOf(c).repeat(59) + "\n"; // 60 bytes
    }

    private List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void rotatesOnTheFlushThatPassesTheSizeAndKeepsOnlyTheNewestFiles() throws IOException {
        Path file = dir.resolve("access.log");
        try (RollingLogFile log = new RollingLogFile(file, new LogRotation(100, 2))) {
            for (char c = 'a'; c <= 'h'; c++) {
                log.write(line(c)); // a line is never split: the size is checked only on flush
                log.flush();
            }
            // a+b passed 100 bytes and became .1, then c+d, e+f, g+h; only the two newest stay
            assertEquals(List.of(), read(file));
            assertEquals(List.of(line('g').strip(), line('h').strip()), read(log.rotated(1)));
            assertEquals(List.of(line('e').strip(), line('f').strip()), read(log.rotated(2)));
            assertFalse(Files.exists(log.rotated(3)));
            log.write(line('i'));
        }
        assertEquals(List.of(line('i').strip()), read(file), "closing writes out what is buffered");
    }

    @Test
    void appendsToAnExistingFileAndCountsWhatItAlreadyHolds() throws IOException {
        Path file = dir.resolve("logs/access.log");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line('a'));
        try (RollingLogFile log = new RollingLogFile(file, new LogRotation(100, 1))) {
            log.write(line('b'));
            log.flush();
            assertEquals(List.of(line('a').strip(), line('b').strip()), read(log.rotated(1)));
            assertEquals(0, Files.size(file));
        }
    }

    @Test
    void countsBytesNotCharacters() throws IOException {
        Path file = dir.resolve("access.log");
        try (RollingLogFile log = new RollingLogFile(file, new LogRotation(100, 1))) {
            log.write("é".repeat(50) + "\n"); // 51 characters, 101 bytes in UTF-8
            log.flush();
            assertEquals(101, Files.size(log.rotated(1)));
        }
    }

    @Test
    void keepingNoFilesStartsAfreshWithoutRenaming() throws IOException {
        Path file = dir.resolve("access.log");
        try (RollingLogFile log = new RollingLogFile(file, new LogRotation(100, 0))) {
            log.write(line('a') + line('b'));
            log.flush();
            log.write(line('c'));
            log.flush();
            assertFalse(Files.exists(log.rotated(1)));
        }
        assertEquals(List.of(line('c').strip()), read(file));
    }

    @Test
    void aRotationThatFailsKeepsAppendingToTheFile() throws IOException {
        Path file = dir.resolve("access.log");
        Path blocked = dir.resolve("access.log.1");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("keep-me"), "x"); // a non-empty folder cannot be replaced by a move
        try (RollingLogFile log = new RollingLogFile(file, new LogRotation(100, 1))) {
            for (char c = 'a'; c <= 'd'; c++) {
                log.write(line(c));
                log.flush();
            }
        }
        assertEquals(4, read(file).size(), "nothing logged is lost when the rename is refused");
        assertTrue(Files.exists(blocked.resolve("keep-me")));
    }

    @Test
    void refusesABoundItCannotKeep() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogRotation(0, 1)).getMessage()
                .contains("at least 1 byte"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogRotation(1, -1)).getMessage()
                .contains("0 or more"));
    }
}
