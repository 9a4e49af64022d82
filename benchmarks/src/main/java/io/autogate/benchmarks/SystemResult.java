package io.autogate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One system's result on one dataset.
 *
 * @param system             {@code autogate} or {@code h2o}
 * @param status             how the run ended
 * @param message            why it failed or was skipped, else {@code null}
 * @param score              the test score, or {@code null} if the run did not succeed
 * @param trainWallSeconds   training wall time the system reported ({@code wall_seconds}), or {@code null}
 * @param processWallSeconds wall time of the training process(es) as measured by the driver
 * @param peakRssMb          peak resident memory of the training process as it reported it, or {@code null}
 * @param model              the chosen model (Autogate's {@code best}, H2O's leader id), or {@code null}
 * @param reported           the JSON object the training process printed, or {@code null}
 */
public record SystemResult(String system, RunStatus status, String message, TestScore score,
                           Double trainWallSeconds, Double processWallSeconds, Double peakRssMb,
                           String model, JsonNode reported) {

    public SystemResult {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(status, "status");
        if (status == RunStatus.SUCCEEDED && score == null) {
            throw new IllegalArgumentException("a succeeded run needs a score");
        }
    }

    /** A run that did not happen. */
    public static SystemResult skipped(String system, String why) {
        return new SystemResult(system, RunStatus.SKIPPED, why, null, null, null, null, null, null);
    }

    /** A run that failed; {@code processWallSeconds} may be {@code null}. */
    public static SystemResult failed(String system, String why, Double processWallSeconds, JsonNode reported) {
        return new SystemResult(system, RunStatus.FAILED, why, null, null, processWallSeconds, null, null, reported);
    }

    /** Whether a test score is available. */
    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }
}
