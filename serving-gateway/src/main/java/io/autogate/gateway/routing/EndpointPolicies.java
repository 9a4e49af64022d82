package io.autogate.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.registry.ModelRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@link EndpointPolicy} JSON. Parsing checks everything (types, ranges, model
 * references, unknown fields) and throws {@link ApiException} 400 with a message naming the
 * field, e.g. {@code arms[1].weight must be > 0}. Stateless and thread-safe.
 */
public final class EndpointPolicies {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    private static final Pattern FIELD_NAME = Pattern.compile("\\S(.{0,126}\\S)?");

    private EndpointPolicies() {
    }

    /** Parses and validates a policy; bad input throws {@link ApiException} 400 naming the field. */
    public static EndpointPolicy parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("policy must be a JSON object with a \"type\"");
        }
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.badRequest("type is required: use single, ab, shadow or canary");
        }
        return switch (type.asText()) {
            case "single" -> parseSingle(json);
            case "ab" -> parseAb(json);
            case "shadow" -> parseShadow(json);
            case "canary" -> parseCanary(json);
            default -> throw ApiException.badRequest("unknown policy type '" + type.asText()
                    + "'; use single, ab, shadow or canary");
        };
    }

    /** Writes a policy as JSON in the form {@link #parse} reads back to an equal policy. */
    public static ObjectNode toJson(EndpointPolicy policy) {
        ObjectNode out = JSON.objectNode();
        out.put("type", policy.type());
        switch (policy) {
            case EndpointPolicy.Single s -> out.put("model", s.model());
            case EndpointPolicy.AbTest ab -> {
                ArrayNode arms = out.putArray("arms");
                for (WeightedArm arm : ab.weightedArms()) {
                    ObjectNode a = arms.addObject();
                    a.put("name", arm.name());
                    a.put("model", arm.model());
                    a.set("weight", numberNode(arm.weight()));
                }
                putSticky(out, ab.sticky());
            }
            case EndpointPolicy.Shadow s -> {
                out.put("primary", s.primary());
                out.put("shadow", s.shadow());
                out.set("sample", numberNode(s.sample()));
            }
            case EndpointPolicy.Canary c -> {
                out.put("stable", c.stable());
                out.put("candidate", c.candidate());
                ArrayNode steps = out.putArray("steps");
                c.steps().forEach(step -> steps.add(numberNode(step)));
                out.put("min_requests_per_step", c.minRequestsPerStep());
                out.put("min_step_seconds", c.minStepSeconds());
                ObjectNode guards = out.putObject("guards");
                guards.set("max_error_rate_increase", numberNode(c.guards().maxErrorRateIncrease()));
                if (c.guards().maxP99LatencyMs() != null) {
                    guards.set("max_p99_latency_ms", numberNode(c.guards().maxP99LatencyMs()));
                }
                guards.set("max_quality_drop", numberNode(c.guards().maxQualityDrop()));
                guards.put("min_feedback", c.guards().minFeedback());
                putSticky(out, c.sticky());
            }
        }
        return out;
    }

    private static EndpointPolicy.Single parseSingle(JsonNode json) {
        rejectUnknown(json, "single policy", Set.of("type", "model"));
        return new EndpointPolicy.Single(modelRef(json, "model", "model"));
    }

    private static EndpointPolicy.AbTest parseAb(JsonNode json) {
        rejectUnknown(json, "ab policy", Set.of("type", "arms", "sticky"));
        JsonNode armsNode = json.get("arms");
        if (armsNode == null || !armsNode.isArray()) {
            throw ApiException.badRequest("arms is required: a list of {name, model, weight}");
        }
        if (armsNode.size() < 2) {
            throw ApiException.badRequest("arms must list at least 2 arms, got " + armsNode.size());
        }
        List<WeightedArm> arms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < armsNode.size(); i++) {
            String path = "arms[" + i + "]";
            JsonNode armNode = armsNode.get(i);
            if (!armNode.isObject()) {
                throw ApiException.badRequest(path + " must be an object {name, model, weight}");
            }
            rejectUnknown(armNode, path, Set.of("name", "model", "weight"));
            String name = text(armNode, "name", path + ".name");
            try {
                ModelRef.requireValidName(name, path + ".name");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            if (!names.add(name)) {
                throw ApiException.badRequest(path + ".name '" + name + "' is used by another arm; arm names must be unique");
            }
            String model = modelRef(armNode, "model", path + ".model");
            double weight = number(armNode, "weight", path + ".weight");
            if (!(weight > 0)) {
                throw ApiException.badRequest(path + ".weight must be > 0, got " + weight);
            }
            arms.add(new WeightedArm(name, model, weight));
        }
        return new EndpointPolicy.AbTest(arms, sticky(json));
    }

    private static EndpointPolicy.Shadow parseShadow(JsonNode json) {
        rejectUnknown(json, "shadow policy", Set.of("type", "primary", "shadow", "sample"));
        String primary = modelRef(json, "primary", "primary");
        String shadow = modelRef(json, "shadow", "shadow");
        if (primary.equals(shadow)) {
            throw ApiException.badRequest("shadow must name a different model than primary, both are '" + primary + "'");
        }
        double sample = json.has("sample") ? number(json, "sample", "sample") : 1.0;
        if (!(sample > 0 && sample <= 1)) {
            throw ApiException.badRequest("sample must be in (0, 1], got " + sample);
        }
        return new EndpointPolicy.Shadow(primary, shadow, sample);
    }

    private static EndpointPolicy.Canary parseCanary(JsonNode json) {
        rejectUnknown(json, "canary policy", Set.of("type", "stable", "candidate", "steps",
                "min_requests_per_step", "min_step_seconds", "guards", "sticky"));
        String stable = modelRef(json, "stable", "stable");
        String candidate = modelRef(json, "candidate", "candidate");
        if (stable.equals(candidate)) {
            throw ApiException.badRequest("candidate must name a different model than stable, both are '" + stable + "'");
        }
        List<Double> steps = json.has("steps") ? steps(json.get("steps")) : EndpointPolicy.Canary.DEFAULT_STEPS;
        long minRequests = json.has("min_requests_per_step")
                ? wholeNumber(json, "min_requests_per_step", "min_requests_per_step", 1)
                : EndpointPolicy.Canary.DEFAULT_MIN_REQUESTS_PER_STEP;
        long minSeconds = json.has("min_step_seconds")
                ? wholeNumber(json, "min_step_seconds", "min_step_seconds", 0)
                : EndpointPolicy.Canary.DEFAULT_MIN_STEP_SECONDS;
        CanaryGuards guards = json.has("guards") ? guards(json.get("guards")) : CanaryGuards.defaults();
        return new EndpointPolicy.Canary(stable, candidate, steps, minRequests, minSeconds, guards, sticky(json));
    }

    private static List<Double> steps(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw ApiException.badRequest("steps must be a non-empty list of percentages ending at 100, e.g. [5, 25, 50, 100]");
        }
        List<Double> steps = new ArrayList<>();
        double previous = 0;
        for (int i = 0; i < node.size(); i++) {
            String path = "steps[" + i + "]";
            JsonNode step = node.get(i);
            if (!step.isNumber()) {
                throw ApiException.badRequest(path + " must be a number, got " + step);
            }
            double percent = step.asDouble();
            if (!(percent > 0 && percent <= 100)) {
                throw ApiException.badRequest(path + " must be a percentage in (0, 100], got " + percent);
            }
            if (percent <= previous) {
                throw ApiException.badRequest(path + " must be greater than the step before it (" + previous
                        + "); steps must be strictly increasing");
            }
            steps.add(percent);
            previous = percent;
        }
        if (previous != 100) {
            throw ApiException.badRequest("steps must end at 100, the last is " + previous);
        }
        return steps;
    }

    private static CanaryGuards guards(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.badRequest("guards must be an object");
        }
        rejectUnknown(node, "guards", Set.of("max_error_rate_increase", "max_p99_latency_ms",
                "max_quality_drop", "min_feedback"));
        double maxErrorIncrease = node.has("max_error_rate_increase")
                ? fraction(node, "max_error_rate_increase") : CanaryGuards.DEFAULT_MAX_ERROR_RATE_INCREASE;
        Double maxP99 = null;
        if (node.has("max_p99_latency_ms")) {
            maxP99 = number(node, "max_p99_latency_ms", "guards.max_p99_latency_ms");
            if (!(maxP99 > 0)) {
                throw ApiException.badRequest("guards.max_p99_latency_ms must be > 0, got " + maxP99);
            }
        }
        double maxQualityDrop = node.has("max_quality_drop")
                ? fraction(node, "max_quality_drop") : CanaryGuards.DEFAULT_MAX_QUALITY_DROP;
        long minFeedback = node.has("min_feedback")
                ? wholeNumber(node, "min_feedback", "guards.min_feedback", 1) : CanaryGuards.DEFAULT_MIN_FEEDBACK;
        return new CanaryGuards(maxErrorIncrease, maxP99, maxQualityDrop, minFeedback);
    }

    private static double fraction(JsonNode node, String field) {
        String path = "guards." + field;
        double value = number(node, field, path);
        if (!(value >= 0 && value <= 1)) {
            throw ApiException.badRequest(path + " must be a fraction in [0, 1], got " + value);
        }
        return value;
    }

    private static StickyKey sticky(JsonNode policy) {
        JsonNode node = policy.get("sticky");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("sticky must be an object: {\"header\": NAME} or {\"field\": NAME}");
        }
        rejectUnknown(node, "sticky", Set.of("header", "field"));
        if (node.size() != 1) {
            throw ApiException.badRequest("sticky must name exactly one of header or field");
        }
        if (node.has("header")) {
            String header = text(node, "header", "sticky.header");
            if (!HEADER_NAME.matcher(header).matches()) {
                throw ApiException.badRequest("sticky.header '" + header + "' is not a valid HTTP header name");
            }
            return new StickyKey(StickyKey.Source.HEADER, header);
        }
        String field = text(node, "field", "sticky.field");
        if (!FIELD_NAME.matcher(field).matches()) {
            throw ApiException.badRequest("sticky.field must be a column name of 1 to 128 characters without surrounding spaces");
        }
        return new StickyKey(StickyKey.Source.FIELD, field);
    }

    private static void putSticky(ObjectNode out, StickyKey sticky) {
        if (sticky != null) {
            out.putObject("sticky").put(sticky.source().jsonName(), sticky.name());
        }
    }

    private static void rejectUnknown(JsonNode node, String where, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "' in " + where + "; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(path + " is required");
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(path + " must be a string, got " + value);
        }
        return value.asText();
    }

    private static String modelRef(JsonNode node, String field, String path) {
        String text = text(node, field, path);
        try {
            return ModelRef.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(path + ": " + e.getMessage());
        }
    }

    private static double number(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(path + " is required");
        }
        if (!value.isNumber()) {
            throw ApiException.badRequest(path + " must be a number, got " + value);
        }
        return value.asDouble();
    }

    private static long wholeNumber(JsonNode node, String field, String path, long min) {
        double value = number(node, field, path);
        if (value != Math.rint(value) || Math.abs(value) > Long.MAX_VALUE / 2.0) {
            throw ApiException.badRequest(path + " must be a whole number, got " + node.get(field));
        }
        if (value < min) {
            throw ApiException.badRequest(path + " must be >= " + min + ", got " + (long) value);
        }
        return (long) value;
    }

    private static JsonNode numberNode(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? JSON.numberNode((long) value) : JSON.numberNode(value);
    }
}
