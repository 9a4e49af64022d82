package io.autogate.benchmarks.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test running as its own process, with its output in a log file. Started, waited
 * for until its port accepts connections, and stopped with all its descendants.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final String name;

    private ServerProcess(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Starts {@code command} and waits up to {@code timeout} until {@code port} accepts connections. */
    public static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log, int port,
                                      Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ServerProcess server = new ServerProcess(pb.start(), name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                throw new IOException(name + " exited with status " + server.process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        server.close();
        throw new IOException(name + " did not listen on port " + port + " within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
