package io.autogate.gateway.training;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Datasets and training jobs behind the gateway's training routes. Implementations run jobs on
 * their own threads (a job outlives the request and the browser tab that started it) and register
 * the result in the gateway's registry. Answers are JSON-ready maps; bad input is an
 * {@link io.autogate.gateway.http.ApiException} with field-level details.
 */
public interface TrainingService {
    /** The largest CSV upload accepted, in bytes. */
    long maxDatasetBytes();

    /**
     * Stores an uploaded CSV and describes it: {@code id}, {@code name}, {@code rows},
     * {@code columns} (name, inferred type, task if it were the target), {@code preview} rows,
     * {@code suggested_target}, {@code task} and {@code task_words}.
     */
    Map<String, Object> addDataset(String fileName, byte[] csv);

    /** Starts a job; answers its view (see {@link #job}). */
    Map<String, Object> start(TrainingJobRequest request);

    /**
     * A job's view: {@code id}, {@code status} (queued, running, succeeded, failed, cancelled, or
     * interrupted: the server stopped while it ran),
     * {@code elapsed_seconds}, {@code budget_seconds}, {@code trials_done}, {@code best_over_time},
     * {@code leaderboard} so far, the request's {@code column_types}, {@code seed} and {@code forecast}
     * ({@code time_column}, {@code series_column}, {@code horizon}; null for a job that does not
     * forecast), and when finished {@code result} (the registered model) or {@code error}.
     */
    Optional<Map<String, Object>> job(String id);

    /** Every job, newest first, as short views. */
    List<Map<String, Object>> jobs();

    /** Asks a queued or running job to stop; false when there is no such job. */
    boolean cancel(String id);
}
