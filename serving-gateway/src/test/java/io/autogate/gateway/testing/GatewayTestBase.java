package io.autogate.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of tests that talk to one real gateway: before each test a fresh registry folder gets the
 * subclass's models and the gateway starts on a free loopback port; after it the gateway stops.
 */
@ExtendWith(VertxExtension.class)
public abstract class GatewayTestBase {
    /** The registry folder of the test. */
    @TempDir
    protected Path dir;
    /** The running gateway. */
    protected GatewayHarness gw;

    @BeforeEach
    void startGateway(Vertx vertx) {
        gw = GatewayHarness.create(vertx, dir);
        registerModels(gw);
        gw.start();
    }

    @AfterEach
    void stopGateway() {
        gw.close();
    }

    /** Registers the models the test needs, before the gateway starts. */
    protected abstract void registerModels(GatewayHarness gateway);
}
