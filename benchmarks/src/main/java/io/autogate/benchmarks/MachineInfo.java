package io.autogate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on.
 *
 * @param cpu        CPU model name (from /proc/cpuinfo), or "unknown"
 * @param cores      processors available to the JVM
 * @param memoryMb   total memory in MiB (from /proc/meminfo), or -1
 * @param os         operating system name, version and architecture
 * @param driverJdk  JDK running the driver
 * @param autogateJdk JDK that {@code bin/autogate} is expected to use (its {@code JAVA_HOME})
 * @param h2oJdk     JDK running the H2O peer
 */
public record MachineInfo(String cpu, int cores, long memoryMb, String os, String driverJdk, String autogateJdk,
                          String h2oJdk) {

    /** Reads the facts of the current machine. */
    public static MachineInfo detect(Path h2oJavaHome, Path autogateJavaHome) {
        return new MachineInfo(detectCpuModel(), Runtime.getRuntime().availableProcessors(), detectMemoryMb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.home") + ")",
                autogateJavaHome == null ? "chosen by bin/autogate" : describeJdk(autogateJavaHome),
                describeJdk(h2oJavaHome));
    }

    /** A JDK's vendor and version from its {@code release} file, with its path. */
    static String describeJdk(Path javaHome) {
        String version = "unknown version";
        String vendor = "";
        for (String line : readLines(javaHome.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                version = unquote(line.substring("JAVA_VERSION=".length()));
            } else if (line.startsWith("IMPLEMENTOR=")) {
                vendor = unquote(line.substring("IMPLEMENTOR=".length())) + " ";
            }
        }
        return vendor + version + " (" + javaHome + ")";
    }

    private static String detectCpuModel() {
        return readLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown");
    }

    private static long detectMemoryMb() {
        for (String line : readLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                try {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        return value.replace("\"", "").strip();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
