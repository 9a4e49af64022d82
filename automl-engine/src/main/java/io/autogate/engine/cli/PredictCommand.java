package io.autogate.engine.cli;

import io.autogate.engine.data.Table;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.predict.ForecastCsv;
import io.autogate.engine.predict.PredictionCsv;
import io.autogate.runtime.forecast.ForecastResult;
import io.autogate.runtime.forecast.Forecaster;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.registry.ModelRef;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code autogate predict}: scores a CSV with a registered model and writes one output row per
 * input row, in order. The output is written to a temporary file and moved into place, so a
 * failure never leaves a half-written file.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score a CSV with a registered model; writes prediction (and p_<class>) columns.")
public final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    RegistryOption registry;

    @Option(names = "--model", required = true, paramLabel = "NAME[@VERSION|:ALIAS]", description = "the model to use")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "rows to score (CSV with a header row)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "PRED.csv", description = "where to write the predictions")
    Path out;

    @Option(names = "--horizon", paramLabel = "H", description = "forecasting models: steps to forecast (default: the training horizon)")
    Integer horizon;

    @Override
    public Integer call() throws Exception {
        ModelRef ref = ModelRef.parse(model);
        FileModelRegistry models = registry.open();
        boolean forecast = models.manifest(ref).hasForecast();
        Table table = CsvReader.read(data);
        Forecaster forecaster = forecast ? models.loadForecaster(ref) : null;
        List<ForecastResult> forecasts = forecast ? ForecastCsv.forecast(forecaster, table,
                horizon != null ? horizon : forecaster.spec().horizon()) : null;
        Predictor predictor = forecast ? null : models.load(ref);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".predict-", ".csv");
        try {
            int rows;
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                rows = forecast ? ForecastCsv.write(forecasts, w) : PredictionCsv.write(predictor, table, w);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getErr().println("wrote " + rows + " predictions to " + out);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return ExitCodes.OK;
    }
}
