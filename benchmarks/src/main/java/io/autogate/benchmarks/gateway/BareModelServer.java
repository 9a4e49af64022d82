package io.autogate.benchmarks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.predict.Prediction;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.Row;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model-bound ceiling of the gateway benchmark: a bare Vert.x HTTP server that reads the same
 * JSON body on its event loop, then parses it, scores its rows with the same registered model
 * through the runtime's {@link Predictor} and writes the answer on a worker pool of one thread
 * per core, as the gateway does (scoring on the event loop itself was measured slower at 16
 * connections; docs/architecture.md). No routing, validation messages, metrics, request ids or
 * logging: what any server built this way must pay for this model. The gateway's share of this
 * ceiling is its own overhead; its share of {@link BareVertxServer} also counts the model.
 *
 * <p>Usage: {@code BareModelServer PORT INSTANCES REGISTRY MODEL_REF}.
 */
public final class BareModelServer extends VerticleBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Predictor predictor;
    private final WorkerExecutor workers;

    private BareModelServer(int port, Predictor predictor, WorkerExecutor workers) {
        this.port = port;
        this.predictor = predictor;
        this.workers = workers;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(request -> request.body()
                        .compose(body -> workers.executeBlocking(() -> score(JSON.readTree(body.getBytes())), false))
                        .onComplete(answer -> {
                            if (answer.succeeded()) {
                                request.response().putHeader("Content-Type", "application/json").end(answer.result());
                            } else {
                                request.response().setStatusCode(400).end();
                            }
                        }))
                .listen();
    }

    private Buffer score(JsonNode body) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : body.path("rows")) {
            Map<String, String> values = new HashMap<>();
            row.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
            rows.add(Row.of(values));
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode predictions = out.putArray("predictions");
        for (Prediction p : predictor.predict(rows)) {
            ObjectNode one = predictions.addObject();
            if (p.label() != null) {
                one.put("prediction", p.label());
                ArrayNode probabilities = one.putArray("probabilities");
                p.probabilities().forEach(probabilities::add);
            } else {
                one.put("prediction", p.value());
            }
        }
        return Buffer.buffer(JSON.writeValueAsBytes(out));
    }

    /** Loads the model, starts the server and prints one line when it listens. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int instances = Integer.parseInt(args[1]);
        Predictor predictor = new FileModelRegistry(Path.of(args[2]), ModelFormats.discover())
                .load(ModelRef.parse(args[3]));
        Vertx vertx = Vertx.vertx();
        WorkerExecutor workers = vertx.createSharedWorkerExecutor("model-bound-scoring", instances);
        vertx.deployVerticle(() -> new BareModelServer(port, predictor, workers), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("bare Vert.x + model server on 127.0.0.1:" + port))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
