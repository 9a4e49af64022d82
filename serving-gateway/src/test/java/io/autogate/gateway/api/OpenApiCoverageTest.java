package io.autogate.gateway.api;

import static io.autogate.gateway.api.ApiTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.gateway.testing.GatewayHarness;
import io.autogate.gateway.testing.TestModels;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document describes exactly the routes the running router has. */
@ExtendWith(VertxExtension.class)
class OpenApiCoverageTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @TempDir
    Path dir;
    GatewayHarness gw;

    @TempDir
    Path inputs;

    @BeforeEach
    void start(Vertx vertx) {
        gw = GatewayHarness.create(vertx, dir, b -> b.batchInputDir(inputs));
        gw.register("churn", TestModels.churn(2));
        gw.register("price", TestModels.price(3));
        gw.start();
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private JsonNode document() {
        HttpResponse<String> r = gw.get("/openapi.json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return json(r);
    }

    private static Set<String> documented(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            for (Iterator<String> ops = doc.get("paths").get(path).fieldNames(); ops.hasNext();) {
                String method = ops.next();
                if (METHODS.contains(method)) {
                    out.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return out;
    }

    private Set<String> routed() {
        Set<String> out = new TreeSet<>();
        for (String route : gw.gateway().routes()) {
            out.add(route.replaceAll("(?<=/):([A-Za-z0-9_]+)", "{$1}"));
        }
        return out;
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> routes = routed();
        assertTrue(routes.contains("POST /v1/models/{ref}/predict"), routes.toString());
        assertTrue(routes.size() >= 30, "the router should list every route, got " + routes);
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(documented(document()));
        assertEquals(Set.of(), missing, "routes missing from /openapi.json");
    }

    @Test
    void everyDocumentedOperationIsRouted() {
        Set<String> extra = new TreeSet<>(documented(document()));
        extra.removeAll(routed());
        assertEquals(Set.of(), extra, "operations in /openapi.json the gateway does not route");
    }

    @Test
    void everyOperationDeclaresItsPathParametersAndResponses() {
        JsonNode doc = document();
        assertEquals("3", doc.get("openapi").asText().substring(0, 1));
        List<String> problems = new ArrayList<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            for (Iterator<String> ops = doc.get("paths").get(path).fieldNames(); ops.hasNext();) {
                String method = ops.next();
                JsonNode op = doc.get("paths").get(path).get(method);
                if (!METHODS.contains(method)) {
                    continue;
                }
                if (op.path("responses").isEmpty()) {
                    problems.add(method + " " + path + " has no responses");
                }
                Set<String> declared = new TreeSet<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode resolved = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                    if ("path".equals(resolved.path("in").asText())) {
                        declared.add(resolved.path("name").asText());
                    }
                }
                Set<String> inPath = new TreeSet<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
                while (m.find()) {
                    inPath.add(m.group(1));
                }
                if (!declared.equals(inPath)) {
                    problems.add(method + " " + path + " declares path parameters " + declared);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void answersHaveTheDocumentedShape() throws Exception {
        JsonNode doc = document();
        String row = TestModels.row(1, "purple");
        String v2 = "{\"id\":\"r\",\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[1]},"
                + "{\"name\":\"color\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"red\"]}]}";
        java.nio.file.Files.writeString(inputs.resolve("in.csv"), "x,color\n1,red\n");
        List<String> problems = new ArrayList<>();
        check(doc, "get", "/health/live", gw.get("/health/live"), problems);
        check(doc, "get", "/health/ready", gw.get("/health/ready"), problems);
        check(doc, "get", "/v1/models", gw.get("/v1/models"), problems);
        check(doc, "put", "/v1/models/{name}/aliases/{alias}", gw.putAdmin("/v1/models/churn/aliases/prod", "{\"version\":1}"),
                problems);
        check(doc, "get", "/v1/models/{name}", gw.get("/v1/models/churn"), problems);
        check(doc, "post", "/v1/models/{ref}/predict", gw.postJson("/v1/models/churn:prod/predict", "{\"rows\":[" + row + "]}"),
                problems);
        check(doc, "post", "/v1/models/{ref}/predict", gw.postJson("/v1/models/price/predict", "{\"rows\":[" + row + "]}"),
                problems);
        check(doc, "post", "/v1/models/{ref}/predict", gw.postJson("/v1/models/churn/predict", "{\"rows\":[{}]}"), problems);
        check(doc, "post", "/v1/models/{ref}/predict", gw.postJson("/v1/models/nope/predict", "{\"rows\":[{}]}"), problems);
        HttpResponse<String> job = gw.postJson("/v1/batch-jobs", "{\"model\":\"churn\",\"input_path\":\""
                + inputs.resolve("in.csv").toString().replace("\\", "\\\\") + "\"}");
        check(doc, "post", "/v1/batch-jobs", job, problems);
        check(doc, "get", "/v1/batch-jobs/{id}", gw.get("/v1/batch-jobs/" + json(job).get("id").asText()), problems);
        check(doc, "get", "/v1/batch-jobs", gw.get("/v1/batch-jobs"), problems);
        check(doc, "get", "/v2", gw.get("/v2"), problems);
        check(doc, "get", "/v2/models/{name}", gw.get("/v2/models/churn"), problems);
        check(doc, "get", "/v2/models/{name}/ready", gw.get("/v2/models/churn/ready"), problems);
        check(doc, "post", "/v2/models/{name}/infer", gw.postJson("/v2/models/churn/infer", v2), problems);
        check(doc, "post", "/v2/models/{name}/infer", gw.postJson("/v2/models/price/infer", v2), problems);
        assertEquals(List.of(), problems);
    }

    /** Checks an answer against its documented response: status listed, JSON, and the schema's fields and types. */
    private static void check(JsonNode doc, String method, String path, HttpResponse<String> r, List<String> problems) {
        String where = method.toUpperCase(Locale.ROOT) + " " + path + " " + r.statusCode();
        JsonNode response = resolve(doc, doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method
                + "/responses/" + r.statusCode()));
        if (response.isMissingNode()) {
            problems.add(where + ": status not documented");
            return;
        }
        JsonNode schema = response.at("/content/application~1json/schema");
        if (schema.isMissingNode()) {
            problems.add(where + ": no JSON schema documented");
            return;
        }
        conform(doc, schema, json(r), where + " $", problems);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** A small subset of OpenAPI 3.0 schema checking: $ref, allOf, type, nullable, enum, required, properties, items. */
    private static void conform(JsonNode doc, JsonNode schemaNode, JsonNode value, String where, List<String> problems) {
        JsonNode schema = resolve(doc, schemaNode);
        for (JsonNode part : schema.path("allOf")) {
            conform(doc, part, value, where, problems);
        }
        if (value.isNull()) {
            if (schema.has("type") && !schema.path("nullable").asBoolean(false)) {
                problems.add(where + ": null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!ok) {
            problems.add(where + ": expected " + type + ", got " + value);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(where + ": missing required field '" + required.asText() + "'");
            }
        }
        if (value.isObject()) {
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                JsonNode property = schema.path("properties").path(name);
                if (!property.isMissingNode()) {
                    conform(doc, property, value.get(name), where + "." + name, problems);
                } else if (schema.path("additionalProperties").isObject()) {
                    conform(doc, schema.get("additionalProperties"), value.get(name), where + "." + name, problems);
                } else if (schema.has("properties") && !schema.path("additionalProperties").asBoolean(true)) {
                    problems.add(where + ": field '" + name + "' is not documented");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                conform(doc, schema.get("items"), value.get(i), where + "[" + i + "]", problems);
            }
        }
    }
}
