package io.autogate.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Everything one benchmark run produced, as written to {@code automl.json} and rendered to
 * {@code automl.md}.
 *
 * @param generatedAt   UTC time the report was written (ISO-8601)
 * @param machine       the machine
 * @param command       the command that reproduces the run
 * @param budgetSeconds training budget given to both systems
 * @param seed          split and training seed
 * @param trainFraction fraction of rows in the training part
 * @param outcomes      per-dataset results, in run order
 */
public record AutomlReport(String generatedAt, MachineInfo machine, String command, int budgetSeconds, long seed,
                           double trainFraction, List<DatasetOutcome> outcomes) {

    public AutomlReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(command, "command");
        outcomes = List.copyOf(outcomes);
    }

    /** Totals over all outcomes. */
    @JsonProperty("summary")
    public ReportSummary summary() {
        return ReportSummary.of(outcomes);
    }
}
