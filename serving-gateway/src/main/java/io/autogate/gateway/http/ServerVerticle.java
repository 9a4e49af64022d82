package io.autogate.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * One HTTP server instance on its own event loop, answering with a shared router. Several
 * instances listening on the same port share its connections (Vert.x server sharing), so request
 * parsing and answering use every core while inference stays on the worker pool.
 */
public final class ServerVerticle extends VerticleBase {
    private final Router router;
    private final HttpServerOptions options;
    private volatile HttpServer server;

    /** An instance serving {@code router} with these options. */
    public ServerVerticle(Router router, HttpServerOptions options) {
        this.router = router;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
    }

    /** The port this instance listens on, once started. */
    public int port() {
        return server.actualPort();
    }
}
