package io.autogate.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.autogate.engine.BadInputException;
import io.autogate.engine.forecast.EnsembleRule;
import io.autogate.engine.forecast.ForecastRequest;
import io.autogate.engine.forecast.ForecastTrainer;
import io.autogate.engine.forecast.ForecastTrainingResult;
import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.forecast.Covariate;
import io.autogate.runtime.forecast.Frequency;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/** {@code train --task forecast}: checks the forecasting options, runs the trainer and prints its report or JSON. */
final class ForecastTrainOutput {
    /** The train options a forecast uses. */
    record Options(Path data, String target, String timeColumn, String seriesColumn, Integer horizon, String frequency,
            Duration budget, long seed, Integer parallelism, List<String> families, String ensembleRule, Integer maxHistory, String name,
            boolean json, List<String> knownCovariates, List<String> pastCovariates) {
    }

    private final CommandLine commandLine;
    private final RegistryOption registry;

    ForecastTrainOutput(CommandLine commandLine, RegistryOption registry) {
        this.commandLine = commandLine;
        this.registry = registry;
    }

    int run(Options o) throws Exception {
        if (o.timeColumn() == null) {
            throw new BadInputException("--task forecast needs --time-column");
        }
        if (o.horizon() == null) {
            throw new BadInputException("--task forecast needs --horizon");
        }
        if (o.horizon() < 1) {
            throw new BadInputException("--horizon must be at least 1, got " + o.horizon());
        }
        Frequency frequency = o.frequency() == null ? null : Frequency.parse(o.frequency());
        Duration budget = o.budget() == null ? Duration.ofSeconds(60) : o.budget();
        if (budget.toMillis() < 1000) {
            throw new BadInputException("--budget must be at least 1s for a forecast");
        }
        if (o.maxHistory() != null && o.maxHistory() < ForecastTrainer.MIN_HISTORY) {
            throw new BadInputException("--max-history must be at least " + ForecastTrainer.MIN_HISTORY + " steps, got "
                    + o.maxHistory());
        }
        int cores = o.parallelism() == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : o.parallelism();
        ForecastRequest request = new ForecastRequest(o.data(), o.target(), o.timeColumn(), o.seriesColumn(), o.horizon(),
                frequency, budget, o.seed(), cores, o.families(), o.name(), o.knownCovariates(), o.pastCovariates());
        EnsembleRule rule = o.ensembleRule() == null ? EnsembleRule.DEFAULT : EnsembleRule.parse(o.ensembleRule());
        ForecastTrainer trainer = ForecastTrainer.withAllFamilies(registry.open(), Clock.systemUTC()).withEnsembleRule(rule);
        ForecastTrainingResult r = (o.maxHistory() == null ? trainer : trainer.withMaxHistory(o.maxHistory())).train(request);
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        String model = r.manifest().name() + "@" + r.manifest().version();
        if (o.json()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("model", model);
            s.put("task", "forecast");
            s.put("metric", "mase");
            s.put("best", r.backtest().get("ensemble").get("mase"));
            s.put("backtest", r.backtest());
            s.put("out_of_time", r.manifest().forecast().outOfTime());
            s.put("weights", r.weights());
            s.put("ensemble_choice", r.ensembleChoice().toMap());
            s.put("series", r.manifest().forecast().series().size());
            s.put("covariates", r.manifest().forecast().covariates().stream().map(Covariate::describe).toList());
            s.put("wall_seconds", r.wallSeconds());
            s.put("peak_rss_mb", PeakMemory.residentMegabytes());
            s.put("notes", r.notes());
            s.put("excluded", r.log());
            ObjectMapper mapper = ManifestJson.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(s));
        } else {
            r.notes().stream().limit(50).forEach(n -> err.println("note: " + n));
            r.log().stream().limit(20).forEach(n -> err.println("excluded: " + n));
            err.println(String.format(Locale.ROOT, "%-16s %8s %8s %10s %8s %8s", "backtest", "MASE", "sMAPE", "RMSE", "cov80",
                    "cov95"));
            r.backtest().forEach((name, m) -> err.println(String.format(Locale.ROOT, "%-16s %8.4f %8.3f %10.4g %8.3f %8.3f",
                    name, m.get("mase"), m.get("smape"), m.get("rmse"), m.get("coverage_80"), m.get("coverage_95"))));
            err.println("ensemble rule: " + r.ensembleChoice().rule().id() + (r.ensembleChoice().scores().isEmpty()
                    ? " (" + r.ensembleChoice().method() + ")" : " (chosen on the backtests from " + r.ensembleChoice().scores()
                    + "; " + r.ensembleChoice().method() + ")"));
            err.println("ensemble weights: " + r.weights());
            err.println(String.format(Locale.ROOT, "out-of-time (last window) MASE %.4f; wall %.1fs; registered %s in %s",
                    r.manifest().forecast().outOfTime().get("mase"), r.wallSeconds(), model, registry.registry));
            out.println(model);
        }
        err.flush();
        out.flush();
        return ExitCodes.OK;
    }
}
