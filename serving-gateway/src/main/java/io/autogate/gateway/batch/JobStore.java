package io.autogate.gateway.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Reads and writes {@code <root>/<jobId>/job.json}. A write goes to a temporary file first and is
 * renamed over the old one, so a crash leaves either the old or the new state. Stateless; callers
 * make sure only one thread writes a given job at a time.
 */
final class JobStore {
    static final String JOB_FILE = "job.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobStore() {
    }

    static void write(Path jobDir, JobRecord record) throws IOException {
        JobStatus s = record.status();
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", s.id());
        json.put("target", s.target());
        json.put("format", s.format().name());
        json.put("status", s.state().name());
        json.put("rowsDone", s.rowsDone());
        json.put("rowsTotal", s.rowsTotal());
        json.put("createdAt", text(s.createdAt()));
        json.put("startedAt", text(s.startedAt()));
        json.put("finishedAt", text(s.finishedAt()));
        json.put("error", s.error());
        json.put("input", record.input().toString());
        json.put("resultBytes", record.resultBytes());
        Path temp = jobDir.resolve(JOB_FILE + ".tmp");
        Files.write(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        Files.move(temp, jobDir.resolve(JOB_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static JobRecord read(Path jobDir) throws IOException {
        JsonNode json = MAPPER.readTree(jobDir.resolve(JOB_FILE).toFile());
        JobStatus status = new JobStatus(
                json.path("id").asText(),
                json.path("target").asText(),
                BatchFormat.valueOf(json.path("format").asText()),
                JobState.valueOf(json.path("status").asText()),
                json.path("rowsDone").asLong(),
                json.path("rowsTotal").isNumber() ? json.path("rowsTotal").asLong() : null,
                instant(json.path("createdAt")),
                instant(json.path("startedAt")),
                instant(json.path("finishedAt")),
                json.path("error").isTextual() ? json.path("error").asText() : null);
        return new JobRecord(status, Path.of(json.path("input").asText()), json.path("resultBytes").asLong());
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
