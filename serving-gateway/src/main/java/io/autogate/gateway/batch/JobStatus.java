package io.autogate.gateway.batch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The state of one batch job as shown to callers: progress is {@code rowsDone} of
 * {@code rowsTotal} ({@code null} until the input has been counted). Times are {@code null} until
 * they happen; {@code error} is set for FAILED and INTERRUPTED jobs. Immutable.
 */
public record JobStatus(String id, String target, BatchFormat format, JobState state, long rowsDone, Long rowsTotal,
        Instant createdAt, Instant startedAt, Instant finishedAt, String error) {

    /** The status as a JSON-ready map (times as ISO-8601 text, absent values as {@code null}). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("target", target);
        out.put("format", format.name().toLowerCase(Locale.ROOT));
        out.put("status", state.name());
        out.put("rowsDone", rowsDone);
        out.put("rowsTotal", rowsTotal);
        out.put("createdAt", text(createdAt));
        out.put("startedAt", text(startedAt));
        out.put("finishedAt", text(finishedAt));
        out.put("error", error);
        return out;
    }

    JobStatus running(Instant now, Long total) {
        return new JobStatus(id, target, format, JobState.RUNNING, rowsDone, total, createdAt, now, null, null);
    }

    JobStatus progressed(long done) {
        return new JobStatus(id, target, format, state, done, rowsTotal, createdAt, startedAt, finishedAt, error);
    }

    JobStatus ended(JobState end, long done, Long total, Instant now, String reason) {
        return new JobStatus(id, target, format, end, done, total, createdAt, startedAt, now, reason);
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
