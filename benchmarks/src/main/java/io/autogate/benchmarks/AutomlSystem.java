package io.autogate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.engine.BadInputException;
import java.nio.file.Path;

/**
 * A system under benchmark: trains on {@code train.csv} within a budget, predicts {@code test.csv}
 * into {@code pred.csv}, and is scored by the driver's own metric code.
 */
public sealed interface AutomlSystem permits AutogateCli, H2oPeer {

    /** Short name used in the report: {@code autogate} or {@code h2o}. */
    String name();

    /**
     * Trains, predicts and scores one dataset. Never throws for a failed run: the result says why.
     *
     * @param runDir an empty folder of this system's own for logs, registry and predictions
     */
    SystemResult run(PreparedSplit split, int budgetSeconds, long seed, Path runDir);

    /** Scores a prediction file against the split's test part; a bad file raises {@code BadInputException}. */
    static TestScore score(PreparedSplit split, Path predictions) {
        return PredictionScorer.score(split.dataset(), split.test(), CsvTable.read(predictions), split.classLabels());
    }

    /** A numeric field of a reported JSON object, or {@code null} if it is absent or not a number. */
    static Double number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isNumber() ? value.doubleValue() : null;
    }

    /** Runs {@link #score}, turning bad prediction files into a failed result. */
    static SystemResult scored(String system, PreparedSplit split, Path predictions, CommandOutcome training,
                               JsonNode reported, String model, Double trainWallSeconds, Double peakRssMb) {
        TestScore score;
        try {
            score = score(split, predictions);
        } catch (BadInputException | IllegalArgumentException e) {
            return SystemResult.failed(system, "cannot score " + predictions.getFileName() + ": " + e.getMessage(),
                    training.wallSeconds(), reported);
        }
        return new SystemResult(system, RunStatus.SUCCEEDED, null, score, trainWallSeconds, training.wallSeconds(),
                peakRssMb, model, reported);
    }
}
