package io.autogate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A subprocess to run under a hard timeout, with standard output and error sent to files (so a
 * chatty process can never block on a full pipe). On timeout the process and all its descendants
 * are killed.
 *
 * @param command     program and arguments
 * @param environment variables added to the inherited environment
 * @param workingDir  working directory
 * @param timeout     hard limit on wall-clock time
 * @param stdoutFile  where standard output goes
 * @param stderrFile  where standard error goes
 */
public record ExternalCommand(List<String> command, Map<String, String> environment, Path workingDir,
                              Duration timeout, Path stdoutFile, Path stderrFile) {

    public ExternalCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(stdoutFile, "stdoutFile");
        Objects.requireNonNull(stderrFile, "stderrFile");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
    }

    /** Starts the process, waits for it or the timeout, and returns what happened. */
    public CommandOutcome run() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectOutput(stdoutFile.toFile())
                .redirectError(stderrFile.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new CommandOutcome(-1, false, 0, "", "cannot start " + command.get(0) + ": " + e.getMessage());
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            killTree(process);
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        int exitCode = finished ? process.exitValue() : -1;
        return new CommandOutcome(exitCode, !finished, wallSeconds, readQuietly(stdoutFile), tail(stderrFile));
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The last few lines of a file, for error messages. */
    private static String tail(Path file) {
        List<String> lines = readQuietly(file).lines().filter(line -> !line.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
