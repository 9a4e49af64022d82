package io.autogate.benchmarks;

import java.util.Locale;

/** Renders an {@link AutomlReport} as the Markdown page {@code benchmarks/results/automl.md}. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The whole page. */
    public static String render(AutomlReport report) {
        StringBuilder md = new StringBuilder();
        MachineInfo machine = report.machine();
        md.append("# AutoML benchmark: Autogate vs H2O-3 AutoML 3.44.0.1\n\n");
        md.append("- Date: ").append(report.generatedAt()).append('\n');
        md.append("- Machine: ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
                .append(machine.memoryMb()).append(" MiB RAM, ").append(machine.os()).append('\n');
        md.append("- JDKs: driver ").append(machine.driverJdk()).append("; Autogate ").append(machine.autogateJdk())
                .append("; H2O ").append(machine.h2oJdk()).append('\n');
        md.append("- Budget: ").append(report.budgetSeconds()).append(" s per dataset and system; seed ")
                .append(report.seed()).append("; split ").append(percent(report.trainFraction())).append('/')
                .append(percent(1 - report.trainFraction()))
                .append(" (identical train.csv/test.csv for both); runs one after the other, never concurrently\n");
        md.append("- Command: `").append(report.command()).append("`\n\n");
        md.append("Test metrics are computed by the benchmark from each system's `pred.csv`. "
                + "Δ is Autogate's relative advantage over H2O (positive = Autogate better). "
                + "Wall s is the training time each system reported; peak RSS is the training process's VmHWM.\n\n");

        md.append("| dataset | rows | task | metric | Autogate | H2O | Δ vs H2O | Autogate wall s / peak RSS MB "
                + "| H2O wall s / peak RSS MB | target | target met | within 1% of H2O |\n");
        md.append("|---|---:|---|---|---:|---:|---:|---:|---:|---|---|---|\n");
        for (DatasetOutcome outcome : report.outcomes()) {
            BenchmarkDataset dataset = outcome.dataset();
            md.append("| ").append(dataset.name())
                    .append(" | ").append(outcome.rows())
                    .append(" | ").append(dataset.task().cliName())
                    .append(" | ").append(dataset.metric().label())
                    .append(" | ").append(metric(outcome.autogate()))
                    .append(" | ").append(metric(outcome.h2o()))
                    .append(" | ").append(outcome.advantagePercent() == null ? "–"
                            : String.format(Locale.ROOT, "%+.2f%%", outcome.advantagePercent()))
                    .append(" | ").append(cost(outcome.autogate()))
                    .append(" | ").append(cost(outcome.h2o()))
                    .append(" | ").append(dataset.qualityTarget() == null ? "–" : dataset.qualityTarget().describe())
                    .append(" | ").append(passFail(outcome.targetMet()))
                    .append(" | ").append(passFail(outcome.withinTolerance()))
                    .append(" |\n");
        }

        boolean anyBinary = report.outcomes().stream().anyMatch(o -> o.dataset().task() == BenchmarkTask.BINARY);
        if (anyBinary) {
            md.append("\nAccuracy on the binary datasets (label in `prediction` vs the test label):\n\n");
            md.append("| dataset | Autogate accuracy | H2O accuracy |\n|---|---:|---:|\n");
            for (DatasetOutcome outcome : report.outcomes()) {
                if (outcome.dataset().task() == BenchmarkTask.BINARY) {
                    md.append("| ").append(outcome.dataset().name()).append(" | ")
                            .append(accuracy(outcome.autogate())).append(" | ").append(accuracy(outcome.h2o()))
                            .append(" |\n");
                }
            }
        }

        md.append("\nChosen models:\n\n| dataset | Autogate best | H2O leader |\n|---|---|---|\n");
        for (DatasetOutcome outcome : report.outcomes()) {
            md.append("| ").append(outcome.dataset().name()).append(" | ").append(model(outcome.autogate()))
                    .append(" | ").append(model(outcome.h2o())).append(" |\n");
        }

        StringBuilder problems = new StringBuilder();
        for (DatasetOutcome outcome : report.outcomes()) {
            for (SystemResult result : new SystemResult[] {outcome.autogate(), outcome.h2o()}) {
                if (!result.succeeded()) {
                    problems.append("- ").append(outcome.dataset().name()).append(", ").append(result.system())
                            .append(": ").append(result.status().name().toLowerCase(Locale.ROOT)).append(" — ")
                            .append(oneLine(result.message())).append('\n');
                }
            }
        }
        if (!problems.isEmpty()) {
            md.append("\nRuns without a score:\n\n").append(problems);
        }

        ReportSummary summary = report.summary();
        md.append("\n## Summary\n\n");
        md.append(String.format(Locale.ROOT, "- Against H2O on %d compared dataset(s): %d win(s), %d tie(s), %d loss(es).%n",
                summary.compared(), summary.wins(), summary.ties(), summary.losses()));
        md.append(String.format(Locale.ROOT, "- Within 1%% of H2O or better: %d of %d dataset(s) — %s (target: most datasets).%n",
                summary.withinTolerance(), summary.datasets(), summary.mostWithinTolerance() ? "pass" : "fail"));
        md.append(String.format(Locale.ROOT, "- Quality targets met: %d of %d.%n", summary.targetsMet(), summary.targets()));
        if (summary.autogateFailures() > 0 || summary.h2oFailures() > 0) {
            md.append(String.format(Locale.ROOT, "- Runs without a score: Autogate %d, H2O %d (see above).%n",
                    summary.autogateFailures(), summary.h2oFailures()));
        }
        md.append("\nRaw numbers: `automl.json` beside this file.\n");
        return md.toString();
    }

    private static String metric(SystemResult result) {
        if (!result.succeeded()) {
            return result.status() == RunStatus.SKIPPED ? "skipped" : "failed";
        }
        return format(result.score().value());
    }

    private static String accuracy(SystemResult result) {
        return result.succeeded() && result.score().accuracy() != null ? format(result.score().accuracy()) : "–";
    }

    private static String cost(SystemResult result) {
        if (result.status() == RunStatus.SKIPPED) {
            return "–";
        }
        Double wall = result.trainWallSeconds() != null ? result.trainWallSeconds() : result.processWallSeconds();
        String wallText = wall == null ? "–" : String.format(Locale.ROOT, "%.1f", wall);
        String rssText = result.peakRssMb() == null ? "–" : String.format(Locale.ROOT, "%.0f", result.peakRssMb());
        return wallText + " / " + rssText;
    }

    private static String model(SystemResult result) {
        return result.model() == null ? "–" : "`" + oneLine(result.model()).replace("`", "'") + "`";
    }

    private static String passFail(Boolean value) {
        return value == null ? "–" : value ? "pass" : "fail";
    }

    private static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f", fraction * 100);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace("|", "\\|").strip();
    }
}
