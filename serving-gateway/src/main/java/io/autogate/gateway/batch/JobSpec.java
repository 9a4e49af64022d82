package io.autogate.gateway.batch;

import io.autogate.gateway.http.ApiException;
import java.nio.file.Path;

/**
 * A batch job request: the {@code target} (a model ref or endpoint, as understood by the
 * resolver given to {@link BatchJobs}), the input file and its format, and whether that file is an
 * upload to move into the job folder ({@code true}) or a server-side file read in place.
 */
public record JobSpec(String target, Path input, BatchFormat format, boolean upload) {
    /** Checks the parts are present; a missing one is a 400 naming it. */
    public JobSpec {
        if (target == null || target.isBlank()) {
            throw ApiException.badRequest("target is required");
        }
        if (input == null) {
            throw ApiException.badRequest("input is required");
        }
        if (format == null) {
            throw ApiException.badRequest("format is required");
        }
    }

    /**
     * A job reading a server-side file in place; the format comes from the extension
     * ({@code .csv}, {@code .ndjson}, {@code .jsonl}), anything else is a 400.
     */
    public static JobSpec serverFile(String target, Path input) {
        if (input == null) {
            throw ApiException.badRequest("input is required");
        }
        BatchFormat format = BatchFormat.fromFileName(input.getFileName().toString())
                .orElseThrow(() -> ApiException.badRequest("input must end with .csv, .ndjson or .jsonl, got '" + input.getFileName() + "'"));
        return new JobSpec(target, input, format, false);
    }

    /** A job over an uploaded body already saved to {@code savedBody}, which the job takes over (moves). */
    public static JobSpec upload(String target, Path savedBody, BatchFormat format) {
        return new JobSpec(target, savedBody, format, true);
    }
}
