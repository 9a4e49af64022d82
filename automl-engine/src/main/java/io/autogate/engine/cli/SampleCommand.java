package io.autogate.engine.cli;

import io.autogate.engine.sample.SampleDatasets;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code autogate sample}: writes one of the synthetic sample datasets as CSV. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Write a synthetic sample dataset (churn, houses, sales) as CSV.")
public final class SampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "churn (binary), houses (regression) or sales (forecasting: month, store, units)")
    String name;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "where to write it")
    Path out;

    @Option(names = "--rows", defaultValue = "3000", description = "number of rows (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--seed", defaultValue = "7", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be 1 or more");
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            SampleDatasets.write(name, rows, seed, w);
        }
        spec.commandLine().getErr().println("wrote " + rows + " rows of sample '" + name + "' to " + out);
        return ExitCodes.OK;
    }
}
