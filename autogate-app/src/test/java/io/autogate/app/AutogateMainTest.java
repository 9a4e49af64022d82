package io.autogate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.cli.AutogateCli;
import io.autogate.gateway.cli.ServeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AutogateMainTest {
    @TempDir
    Path dir;

    private static CommandLine cli(StringWriter out, StringWriter err) {
        CommandLine cli = AutogateCli.commandLine(new ServeCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli;
    }

    @Test
    void oneCommandLineHasTheEngineCommandsAndServe() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, cli(out, err).execute("--help"));
        for (String command : new String[] {"train", "predict", "models", "alias", "serve"}) {
            assertTrue(out.toString().contains(command), command + " missing from:\n" + out);
        }
        StringWriter serveHelp = new StringWriter();
        assertEquals(0, cli(serveHelp, err).execute("serve", "--help"));
        assertTrue(serveHelp.toString().contains("--port"), serveHelp.toString());
    }

    @Test
    void serveRefusesAMissingRegistryWithOneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = cli(out, err).execute("serve", "--registry", dir.resolve("nope").toString(), "--port", "0");
        assertEquals(2, status);
        assertTrue(err.toString().startsWith("error: registry folder"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void serveRefusesABadUnseenCategoryPolicy() {
        StringWriter err = new StringWriter();
        int status = cli(new StringWriter(), err).execute("serve", "--registry", dir.toString(), "--port", "0",
                "--unseen-categories", "maybe");
        assertEquals(2, status);
        assertTrue(err.toString().contains("warn or reject"), err.toString());
    }

    @Test
    void serveRefusesAnAccessLogRotationItCannotKeep() {
        StringWriter err = new StringWriter();
        int status = cli(new StringWriter(), err).execute("serve", "--registry", dir.toString(), "--port", "0",
                "--access-log", dir.resolve("access.log").toString(), "--access-log-files", "-1");
        assertNotEquals(0, status);
        assertTrue(err.toString().contains("--access-log-files must be 0 or more, got -1"), err.toString());
        assertFalse(Files.exists(dir.resolve("access.log")), "no log file for a refused start");
    }
}
