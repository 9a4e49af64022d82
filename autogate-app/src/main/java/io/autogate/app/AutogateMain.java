package io.autogate.app;

import io.autogate.engine.cli.AutogateCli;
import io.autogate.gateway.cli.ServeCommand;

/**
 * The {@code autogate} program: the engine's commands (train, predict, models, alias, sample,
 * import-onnx), the gateway's {@code serve} and {@code up} (gateway with training plus the web UI), in one
 * command line. This module is the only one
 * that sees both the engine and the gateway.
 */
public final class AutogateMain {
    private AutogateMain() {
    }

    /** Entry point used by {@code bin/autogate}. */
    public static void main(String[] args) {
        System.exit(AutogateCli.commandLine(new ServeCommand(), new UpCommand()).execute(args));
    }
}
