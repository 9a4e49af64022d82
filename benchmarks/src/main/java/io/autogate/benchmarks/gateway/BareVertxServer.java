package io.autogate.benchmarks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;

/**
 * The ceiling of the gateway benchmark: a bare Vert.x HTTP server with as many event-loop
 * instances as the gateway, that reads the same JSON body, parses it with Jackson as the gateway
 * does, and answers a constant prediction. No routing, validation, model or logging.
 *
 * <p>Usage: {@code BareVertxServer PORT [INSTANCES]}.
 */
public final class BareVertxServer extends VerticleBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Buffer ANSWER = Buffer.buffer(
            "{\"model\":\"bare\",\"version\":1,\"predictions\":[{\"prediction\":\"<=50K\"}]}");

    private final int port;

    private BareVertxServer(int port) {
        this.port = port;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    try {
                        JsonNode parsed = JSON.readTree(body.getBytes());
                        if (!parsed.has("rows")) {
                            request.response().setStatusCode(400).end();
                            return;
                        }
                    } catch (IOException e) {
                        request.response().setStatusCode(400).end();
                        return;
                    }
                    request.response().putHeader("Content-Type", "application/json").end(ANSWER);
                }))
                .listen();
    }

    /** Starts the server and prints one line when it listens. */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new BareVertxServer(port), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("bare Vert.x server on 127.0.0.1:" + port + " with " + instances
                        + " event-loop instances"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
