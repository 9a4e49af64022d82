package io.autogate.gateway.cli;

import io.autogate.gateway.http.LogRotation;
import picocli.CommandLine.Option;

/** The {@code --access-log-max-mb} and {@code --access-log-files} options that bound an access-log file. */
public final class AccessLogRotationOptions {
    @Option(names = "--access-log-max-mb", defaultValue = "100", paramLabel = "MB",
            description = "an access-log file is rotated once it passes this size (default: ${DEFAULT-VALUE})")
    long maxMb;

    @Option(names = "--access-log-files", defaultValue = "5", paramLabel = "N",
            description = "how many rotated access-log files to keep (FILE.1 ... FILE.N, default: ${DEFAULT-VALUE})")
    int files;

    /**
     * The rotation these options ask for.
     *
     * @throws IllegalArgumentException when the size is under 1 MB or the count negative
     */
    public LogRotation rotation() {
        if (maxMb < 1) {
            throw new IllegalArgumentException("--access-log-max-mb must be at least 1, got " + maxMb);
        }
        if (files < 0) {
            throw new IllegalArgumentException("--access-log-files must be 0 or more, got " + files);
        }
        return new LogRotation(maxMb << 20, files);
    }
}
