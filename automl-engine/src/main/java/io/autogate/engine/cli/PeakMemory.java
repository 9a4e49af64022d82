package io.autogate.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory, from {@code /proc/self/status} (Linux); null elsewhere. */
public final class PeakMemory {
    private PeakMemory() {
    }

    /** Peak resident set size in MiB, or null when the platform does not say. */
    public static Double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
