package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives a stand-in for bin/autogate that follows the CLI contract, to check how the benchmark calls it. */
class AutogateCliTest {

    @TempDir
    Path folder;

    private static final BenchmarkDataset NUMBERS = new BenchmarkDataset("numbers", "regression/numbers.csv", "y",
            BenchmarkTask.REGRESSION, TestMetric.RMSE, new QualityTarget(TestMetric.RMSE, 1.0));

    private Path launcher(String trainBody) throws Exception {
        Path script = folder.resolve("autogate");
        Files.writeString(script, """
                #!/bin/sh
                echo "$@" >> "%s"
                command="$1"; shift
                if [ "$command" = train ]; then
                %s
                else
                  while [ $# -gt 0 ]; do case "$1" in --data) data="$2";; --out) out="$2";; esac; shift 2; done
                  # predict y + 1 for every row: RMSE 1
                  awk -F, 'NR==1 {print "prediction"; next} {print $2 + 1}' "$data" > "$out"
                fi
                """.formatted(folder.resolve("calls.log"), trainBody), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private PreparedSplit split() throws Exception {
        Path datasets = folder.resolve("datasets/regression");
        Files.createDirectories(datasets);
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(i * 2).append('\n');
        }
        Files.writeString(datasets.resolve("numbers.csv"), csv);
        return SplitWriter.prepare(NUMBERS, folder.resolve("datasets"), folder.resolve("work"), 42);
    }

    @Test
    void trainsPredictsAndScoresThroughTheCommandLine() throws Exception {
        Path launcher = launcher("echo starting >&2; echo '{\"name\":\"bench\",\"best\":{\"family\":\"gbm\"},"
                + "\"wall_seconds\":4.5,\"peak_rss_mb\":321,\"java_opts\":\"'\"$AUTOGATE_JAVA_OPTS\"'\"}'");
        Path runDir = Files.createDirectories(folder.resolve("run"));
        SystemResult result = new AutogateCli(launcher, "-Xmx2g", 60, new ObjectMapper())
                .run(split(), 5, 42, runDir);

        assertEquals(RunStatus.SUCCEEDED, result.status(), result.message());
        assertEquals(1.0, result.score().value(), 1e-12);
        assertEquals(4.5, result.trainWallSeconds());
        assertEquals(321.0, result.peakRssMb());
        assertEquals("gbm", result.model());
        assertEquals("-Xmx2g", result.reported().get("java_opts").asText());
        List<String> calls = Files.readAllLines(folder.resolve("calls.log"));
        assertEquals(2, calls.size());
        assertTrue(calls.get(0).matches("train --data .*/work/numbers/train\\.csv --target y --task regression "
                + "--budget 5s --seed 42 --registry .*/run/registry --name bench --json"), calls.get(0));
        assertTrue(calls.get(1).matches("predict --registry .*/run/registry --model bench --data "
                + ".*/work/numbers/test\\.csv --out .*/run/pred\\.csv"), calls.get(1));
    }

    @Test
    void aFailingTrainingIsReportedNotThrown() throws Exception {
        Path launcher = launcher("echo 'error: target column y is constant' >&2; exit 2");
        Path runDir = Files.createDirectories(folder.resolve("run"));
        SystemResult result = new AutogateCli(launcher, "-Xmx2g", 60, new ObjectMapper())
                .run(split(), 5, 42, runDir);
        assertEquals(RunStatus.FAILED, result.status());
        assertEquals("train: exit status 2: error: target column y is constant", result.message());
    }

    @Test
    void aMissingLauncherIsReported() throws Exception {
        SystemResult result = new AutogateCli(folder.resolve("nope"), "-Xmx2g", 60, new ObjectMapper())
                .run(split(), 5, 42, folder);
        assertEquals(RunStatus.FAILED, result.status());
        assertTrue(result.message().contains("missing"), result.message());
    }
}
