package io.autogate.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What a finished (or killed) {@link ExternalCommand} left behind.
 *
 * @param exitCode    the exit status, or -1 if it did not start or was killed
 * @param timedOut    whether it was killed at the timeout
 * @param wallSeconds wall-clock seconds from start to end
 * @param stdout      everything it printed on standard output
 * @param stderrTail  the last lines it printed on standard error (or why it did not start)
 */
public record CommandOutcome(int exitCode, boolean timedOut, double wallSeconds, String stdout, String stderrTail) {

    /** Whether it exited with status 0 in time. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** One line saying why it did not succeed. */
    public String failureSummary() {
        if (timedOut) {
            return String.format(java.util.Locale.ROOT, "killed after %.0f s (timeout)", wallSeconds);
        }
        String lastError = stderrTail.lines().reduce((first, second) -> second).orElse("");
        return "exit status " + exitCode + (lastError.isEmpty() ? "" : ": " + lastError.strip());
    }

    /**
     * The JSON object printed on standard output: the whole output if it is one JSON object,
     * otherwise the last line that is one.
     *
     * @throws IllegalStateException if standard output holds no JSON object
     */
    public JsonNode jsonObject(ObjectMapper mapper) {
        String whole = stdout.strip();
        JsonNode node = parseObject(mapper, whole);
        if (node != null) {
            return node;
        }
        List<String> lines = whole.lines().map(String::strip).filter(line -> line.startsWith("{")).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            node = parseObject(mapper, lines.get(i));
            if (node != null) {
                return node;
            }
        }
        throw new IllegalStateException("no JSON object on standard output");
    }

    private static JsonNode parseObject(ObjectMapper mapper, String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
