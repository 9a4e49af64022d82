package io.autogate.benchmarks.h2o;

import ai.h2o.automl.AutoML;
import ai.h2o.automl.AutoMLBuildSpec;
import hex.Model;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import water.H2O;
import water.H2OStarter;
import water.Key;
import water.fvec.Frame;
import water.fvec.NFSFileVec;
import water.fvec.Vec;
import water.parser.ParseDataset;
import water.parser.ParseSetup;

/**
 * Runs H2O-3 AutoML embedded, as the peer in the Autogate AutoML benchmark.
 *
 * <p>Starts a one-node H2O cloud on 127.0.0.1 (a free port), parses the train and test CSVs with
 * one shared parse setup (the target forced to categorical for classification), runs AutoML with
 * {@code max_runtime_secs = --budget} and the given seed, predicts the test frame with the leader,
 * writes {@code pred.csv} ({@code prediction} and one {@code p_<class>} column per class) and prints
 * one JSON line as the last line of standard output:
 * {@code {"system":"h2o","leader":...,"wall_seconds":...,"predict_seconds":...,"total_seconds":...,"peak_rss_mb":...}}.
 * It then calls {@link System#exit(int)}, because H2O leaves non-daemon threads running.
 *
 * <p>Needs JDK 17 and the {@code --add-opens} flags listed in {@code benchmarks/run-automl.sh}:
 * <pre>
 * mvn -q -f benchmarks/h2o-peer/pom.xml package
 * /usr/lib/jvm/java-17-openjdk-amd64/bin/java -Xmx2g --add-opens java.base/java.lang=ALL-UNNAMED \
 *   --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang.reflect=ALL-UNNAMED \
 *   --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
 *   -cp "benchmarks/h2o-peer/target/h2o-peer.jar:benchmarks/h2o-peer/target/lib/*" \
 *   io.autogate.benchmarks.h2o.H2oAutomlRunner --train train.csv --test test.csv --target class \
 *   --task binary --budget 60 --out pred.csv --work /tmp/h2o-work
 * </pre>
 */
public final class H2oAutomlRunner {

    private H2oAutomlRunner() {
    }

    /** Entry point; exits 0 on success, 2 on a bad command line, 1 on any other failure. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        PeerArguments arguments;
        try {
            arguments = PeerArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("h2o-peer: " + e.getMessage());
            System.err.println(PeerArguments.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            out.println(run(arguments));
            out.flush();
            status = 0;
        } catch (Exception | Error e) {
            System.err.println("h2o-peer: failed: " + e);
            e.printStackTrace(System.err);
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the whole peer and returns the JSON result line. */
    static String run(PeerArguments arguments) throws IOException, InterruptedException {
        Path work = arguments.workDir().toAbsolutePath();
        Files.createDirectories(work.resolve("ice"));
        Files.createDirectories(work.resolve("logs"));
        startCloud(arguments, work);

        String target = arguments.target();
        Key<?> trainFile = NFSFileVec.make(arguments.train().toAbsolutePath().toFile())._key;
        Key<?> testFile = NFSFileVec.make(arguments.test().toAbsolutePath().toFile())._key;
        ParseSetup setup = ParseSetup.guessSetup(new Key[] {trainFile, testFile}, false, ParseSetup.HAS_HEADER);
        int targetIndex = List.of(setup.getColumnNames()).indexOf(target);
        if (targetIndex < 0) {
            throw new IllegalArgumentException("target column '" + target + "' is not in " + arguments.train());
        }
        byte[] types = setup.getColumnTypes().clone();
        if (arguments.task().isClassification()) {
            types[targetIndex] = Vec.T_CAT;
        }
        setup.setColumnTypes(types);
        Frame train = ParseDataset.parse(Key.make("train.hex"), new Key[] {trainFile}, true, setup);
        Frame test = ParseDataset.parse(Key.make("test.hex"), new Key[] {testFile}, true, setup);

        AutoMLBuildSpec spec = new AutoMLBuildSpec();
        spec.input_spec.training_frame = train._key;
        spec.input_spec.response_column = target;
        spec.input_spec.sort_metric = arguments.task().sortMetric();
        spec.build_control.project_name = "autogate_bench";
        spec.build_control.stopping_criteria.set_max_runtime_secs(arguments.budgetSeconds());
        spec.build_control.stopping_criteria.set_seed(arguments.seed());

        long trainStart = System.nanoTime();
        AutoML automl = AutoML.startAutoML(spec);
        automl.get();
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        Model<?, ?, ?> leader = automl.leader();
        if (leader == null) {
            throw new IllegalStateException("H2O AutoML finished without a leader model");
        }
        int modelCount = automl.leaderboard().getModelKeys().length;

        long predictStart = System.nanoTime();
        test.remove(target);
        Frame predictions = leader.score(test);
        String[] domain = arguments.task().isClassification() ? leader._output._domains[leader._output.responseIdx()] : null;
        Path predictionsFile = arguments.predictions().toAbsolutePath();
        if (predictionsFile.getParent() != null) {
            Files.createDirectories(predictionsFile.getParent());
        }
        PredictionCsvWriter.write(predictions, domain, predictionsFile);
        double predictSeconds = (System.nanoTime() - predictStart) / 1e9;
        double totalSeconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;

        return String.format(Locale.ROOT,
                "{\"system\":\"h2o\",\"h2o_version\":\"%s\",\"leader\":\"%s\",\"models\":%d,\"wall_seconds\":%.3f,"
                        + "\"predict_seconds\":%.3f,\"total_seconds\":%.3f,\"peak_rss_mb\":%.1f,\"test_rows\":%d}",
                jsonEscape(H2O.ABV.projectVersion()), jsonEscape(leader._key.toString()), modelCount, trainSeconds,
                predictSeconds, totalSeconds, peakRssMegabytes(), predictions.numRows());
    }

    private static void startCloud(PeerArguments arguments, Path work) throws IOException {
        int port = freePortPair();
        String[] h2oArgs = {
            "-name", "autogate-bench-" + ProcessHandle.current().pid(),
            "-ip", "127.0.0.1",
            "-web_ip", "127.0.0.1",
            "-port", Integer.toString(port),
            "-nthreads", Integer.toString(arguments.nthreads()),
            "-ice_root", work.resolve("ice").toString(),
            "-log_dir", work.resolve("logs").toString(),
            "-log_level", "WARN",
            "-disable_flow",
        };
        H2OStarter.start(h2oArgs, work.toString());
        H2O.waitForCloudSize(1, 60_000);
    }

    /** A port p on 127.0.0.1 such that p (REST API) and p + 1 (H2O's internal port) are both free now. */
    private static int freePortPair() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
                port = socket.getLocalPort();
            }
            if (port < 65535 && isFree(port, loopback) && isFree(port + 1, loopback)) {
                return port;
            }
        }
        throw new IOException("no free pair of ports on 127.0.0.1 after 50 attempts");
    }

    private static boolean isFree(int port, InetAddress address) {
        try (ServerSocket socket = new ServerSocket(port, 1, address)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    /** Peak resident set size of this process in MiB ({@code VmHWM} in /proc/self/status), or -1. */
    static double peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
                    return Long.parseLong(kilobytes) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String jsonEscape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
