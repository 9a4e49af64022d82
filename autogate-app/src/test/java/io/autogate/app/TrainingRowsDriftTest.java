package io.autogate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.engine.data.Table;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.SearchListener;
import io.autogate.engine.search.SearchSettings;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.engine.train.TrainingRequest;
import io.autogate.engine.train.TrainingRun;
import io.autogate.gateway.Gateway;
import io.autogate.gateway.GatewayConfig;
import io.autogate.gateway.http.AccessLog;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.schema.ColumnSpec;
import io.autogate.runtime.schema.ColumnType;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift end to end on real data: a model trained by the engine (profile written by the profiler into the artifact),
 * served by a real gateway on loopback, gets its own training rows through an endpoint. Those rows have the training
 * distribution, so every feature's PSI must stay below 0.1 and no category is unseen, also for columns with many
 * tied values (iris petal width, titanic class and family counts) and missing values; a shifted copy must drift.
 */
class TrainingRowsDriftTest {
    private static final String KEY = "k";
    private static final Path DATASETS = Path.of("../../shared/datasets");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS_PER_REQUEST = 50;

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private FileModelRegistry registry;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        registry = new FileModelRegistry(dir, ModelFormats.discover());
        gateway = Gateway.start(vertx, GatewayConfig.builder(dir).address("127.0.0.1", 0).keys(KEY, null)
                .driftWindow(1000).build(), AccessLog.discarding()).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Trains {@code name} on a shared dataset (one random-forest trial) and puts it behind endpoint {@code name}. */
    private List<ColumnSpec> trainAndDeploy(String dataset, String target, String name) throws Exception {
        AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(), new SearchSpaceLoader(), Clock.systemUTC());
        var result = new TrainingRun(search, registry, Clock.systemUTC()).run(new TrainingRequest(
                DATASETS.resolve(dataset), target, null, new SearchSettings(null, 1, 5, 1, List.of("random_forest")),
                name), SearchListener.none());
        HttpResponse<String> put = send("PUT", "/v1/endpoints/" + name,
                "{\"type\":\"single\",\"model\":\"" + name + "@1\"}");
        assertEquals(200, put.statusCode(), put.body());
        return result.manifest().schema().featureColumns().stream().filter(c -> !c.name().equals(target)).toList();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts every row of the dataset (target left out) to the endpoint as a client would: numeric columns as JSON
     * numbers, missing values as null, everything else as text; {@code change} may rewrite a value first.
     */
    private void sendRows(String dataset, String name, List<ColumnSpec> features,
                          BiFunction<String, String, String> change) throws Exception {
        Table table = CsvReader.read(DATASETS.resolve(dataset));
        Map<String, ColumnType> types = new HashMap<>();
        features.forEach(c -> types.put(c.name(), c.type()));
        for (int start = 0; start < table.rows().size(); start += ROWS_PER_REQUEST) {
            ArrayNode rows = JSON.createArrayNode();
            for (String[] raw : table.rows().subList(start, Math.min(start + ROWS_PER_REQUEST, table.rows().size()))) {
                ObjectNode row = rows.addObject();
                for (int c = 0; c < raw.length; c++) {
                    String column = table.header().get(c);
                    if (!types.containsKey(column)) {
                        continue;
                    }
                    String value = change.apply(column, raw[c]);
                    if (value.isEmpty()) {
                        row.putNull(column);
                    } else if (types.get(column) == ColumnType.NUMERIC) {
                        row.put(column, Double.parseDouble(value));
                    } else {
                        row.put(column, value);
                    }
                }
            }
            HttpResponse<String> r = send("POST", "/v1/endpoints/" + name + "/predict",
                    JSON.createObjectNode().set("rows", rows).toString());
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    private JsonNode drift(String name) throws Exception {
        HttpResponse<String> r = send("GET", "/v1/endpoints/" + name + "/drift", null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).at("/models/0");
    }

    private static JsonNode feature(JsonNode model, String name) {
        for (JsonNode f : model.get("features")) {
            if (f.get("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + name + " in " + model);
    }

    /** Every monitored feature of the report has PSI below 0.1, and categorical ones no unseen value. */
    private static void assertNoDrift(JsonNode model, int rows, List<String> mustMonitor) {
        assertEquals(rows, model.get("observed").asInt(), model.toString());
        for (String name : mustMonitor) {
            feature(model, name);
        }
        for (JsonNode f : model.get("features")) {
            assertEquals(rows, f.get("window_count").asInt(), f.toString());
            assertEquals("histogram", f.get("reference").asText(), f.toString());
            assertTrue(f.get("psi").asDouble() < 0.1, "training rows drift on " + f);
            if (f.hasNonNull("unseen_rate")) {
                assertEquals(0.0, f.get("unseen_rate").asDouble(), 1e-12, f.toString());
            }
        }
        assertEquals("ok", model.get("status").asText(), model.toString());
    }

    @Test
    void irisTrainingRowsDoNotDriftAndWiderPetalsDo() throws Exception {
        List<ColumnSpec> features = trainAndDeploy("classification/iris.csv", "species", "iris");
        sendRows("classification/iris.csv", "iris", features, (column, value) -> value);
        assertNoDrift(drift("iris"), 150, List.of("sepal_length", "sepal_width", "petal_length", "petal_width"));

        for (int copy = 0; copy < 3; copy++) {
            sendRows("classification/iris.csv", "iris", features, (column, value) ->
                    column.equals("petal_width") ? Double.toString(Double.parseDouble(value) + 0.4) : value);
        }
        JsonNode shifted = drift("iris");
        assertEquals("major", feature(shifted, "petal_width").get("status").asText(), shifted.toString());
        assertEquals("ok", feature(shifted, "sepal_length").get("status").asText(), shifted.toString());
    }

    @Test
    void titanicTrainingRowsDoNotDriftAndSwappedSexesAndOlderPassengersDo() throws Exception {
        String data = "classification/titanic.csv";
        List<ColumnSpec> features = trainAndDeploy(data, "Survived", "titanic");
        sendRows(data, "titanic", features, (column, value) -> value);
        assertNoDrift(drift("titanic"), 891, List.of("Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"));

        sendRows(data, "titanic", features, (column, value) -> switch (column) {
            case "Sex" -> value.equals("male") ? "female" : "male";
            case "Age" -> value.isEmpty() ? value : Double.toString(Double.parseDouble(value) + 25);
            default -> value;
        });
        JsonNode shifted = drift("titanic");
        assertEquals("major", feature(shifted, "Sex").get("status").asText(), shifted.toString());
        assertEquals("major", feature(shifted, "Age").get("status").asText(), shifted.toString());
        assertEquals("ok", feature(shifted, "Pclass").get("status").asText(), shifted.toString());
    }
}
