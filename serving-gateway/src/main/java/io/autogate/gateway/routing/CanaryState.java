package io.autogate.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link CanaryController} needs to continue after a restart: status, current step
 * and its start, this step's stable and candidate counts, the stable counts of earlier steps
 * (the error-rate baseline when the current step sends stable no traffic), feedback quality per
 * arm since the rollout began, and the event history. Immutable.
 */
public record CanaryState(CanaryStatus status, int stepIndex, Instant stepStartedAt,
                          ArmStats.State stableStep, ArmStats.State candidateStep,
                          long stableEarlierRequests, long stableEarlierErrors,
                          QualityStats.State stableQuality, QualityStats.State candidateQuality,
                          List<CanaryEvent> history) {
    /** Copies the history. */
    public CanaryState {
        history = List.copyOf(history);
    }

    /** This state as JSON, read back by {@link #fromJson}. */
    public ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode out = json.objectNode();
        out.put("status", status.id());
        out.put("step_index", stepIndex);
        out.put("step_started_at", stepStartedAt.toString());
        out.set("stable_step", armJson(stableStep));
        out.set("candidate_step", armJson(candidateStep));
        out.put("stable_earlier_requests", stableEarlierRequests);
        out.put("stable_earlier_errors", stableEarlierErrors);
        out.set("stable_quality", qualityJson(stableQuality));
        out.set("candidate_quality", qualityJson(candidateQuality));
        ArrayNode events = out.putArray("history");
        for (CanaryEvent event : history) {
            events.add(eventJson(event));
        }
        return out;
    }

    /** One event as JSON: time, from/to percent, action and reason. */
    public static ObjectNode eventJson(CanaryEvent event) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("time", event.time().toString());
        e.put("from_percent", event.fromPercent());
        e.put("to_percent", event.toPercent());
        e.put("action", event.action().id());
        e.put("reason", event.reason());
        return e;
    }

    /** Reads a state written by {@link #toJson}; a damaged document throws IllegalArgumentException naming the field. */
    public static CanaryState fromJson(JsonNode node) {
        List<CanaryEvent> history = new ArrayList<>();
        for (JsonNode e : required(node, "history")) {
            history.add(new CanaryEvent(Instant.parse(text(e, "time")), required(e, "from_percent").asDouble(),
                    required(e, "to_percent").asDouble(), CanaryEvent.Action.fromId(text(e, "action")),
                    text(e, "reason")));
        }
        return new CanaryState(CanaryStatus.fromId(text(node, "status")), required(node, "step_index").asInt(),
                Instant.parse(text(node, "step_started_at")),
                armState(required(node, "stable_step")), armState(required(node, "candidate_step")),
                required(node, "stable_earlier_requests").asLong(), required(node, "stable_earlier_errors").asLong(),
                qualityState(required(node, "stable_quality")), qualityState(required(node, "candidate_quality")),
                history);
    }

    private static ObjectNode armJson(ArmStats.State arm) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("requests", arm.requests());
        out.put("errors", arm.errors());
        out.put("latency_histogram", arm.latencyHistogram());
        return out;
    }

    private static ArmStats.State armState(JsonNode node) {
        return new ArmStats.State(required(node, "requests").asLong(), required(node, "errors").asLong(),
                text(node, "latency_histogram"));
    }

    private static ObjectNode qualityJson(QualityStats.State quality) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("labelled", quality.labelled());
        out.put("correct", quality.correct());
        out.put("scored", quality.scored());
        out.put("squared_error_sum", quality.squaredErrorSum());
        return out;
    }

    private static QualityStats.State qualityState(JsonNode node) {
        return new QualityStats.State(required(node, "labelled").asLong(), required(node, "correct").asLong(),
                required(node, "scored").asLong(), required(node, "squared_error_sum").asDouble());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("canary state field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("canary state field '" + field + "' must be a string");
        }
        return value.asText();
    }
}
