package io.autogate.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autogate.engine.forecast.EnsembleRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway starts over the same registry folder: a finished job, its dataset and its result are
 * still there after the restart; a job cut short, by a stop or by a crash (the folder as a killed
 * process leaves it), comes back as {@code interrupted} with its progress so far and can be run again.
 */
class JobsSurviveRestartTest {
    static final Path IRIS = Path.of("../../shared/datasets/classification/iris.csv");
    static final Path SALES = Path.of("../samples/sales.csv");
    static final Set<String> DONE = Set.of("succeeded", "failed", "cancelled", "interrupted");

    @TempDir
    Path registry;
    @TempDir
    Path crashed;

    private static String upload(TrainingGateway g) throws Exception {
        return g.json("POST", "/v1/datasets?name=iris.csv", "text/csv", Files.readString(IRIS)).get("id").asText();
    }

    private static String startForecast(TrainingGateway g, int budget) throws Exception {
        String dataset = g.json("POST", "/v1/datasets?name=sales.csv", "text/csv", Files.readString(SALES)).get("id").asText();
        return g.json("POST", "/v1/training-jobs", "application/json", "{\"dataset\":\"" + dataset + "\",\"target\":\"units\","
                + "\"task\":\"forecast\",\"time_column\":\"month\",\"series_column\":\"store\",\"horizon\":3,"
                + "\"budget_seconds\":" + budget + ",\"name\":\"shop\",\"seed\":7}").get("id").asText();
    }

    private static String start(TrainingGateway g, String dataset, int budget) throws Exception {
        return g.json("POST", "/v1/training-jobs", "application/json", "{\"dataset\":\"" + dataset
                + "\",\"target\":\"species\",\"budget_seconds\":" + budget + ",\"name\":\"iris\",\"seed\":7}").get("id").asText();
    }

    @Test
    void aFinishedJobAndItsDatasetAreThereAfterARestart() throws Exception {
        String dataset;
        String id;
        JsonNode before;
        try (TrainingGateway first = new TrainingGateway(registry)) {
            dataset = upload(first);
            id = start(first, dataset, 5);
            before = first.awaitStatus(id, DONE);
            assertEquals("succeeded", before.get("status").asText(), before.toString());
        }
        try (Stream<Path> leftovers = Files.list(registry.resolve(".gateway/training-jobs"))) {
            assertEquals(1, leftovers.count(), "one file per job, no temporary files");
        }
        try (TrainingGateway second = new TrainingGateway(registry)) {
            JsonNode after = second.json("GET", "/v1/training-jobs/" + id, null, null);
            assertEquals("succeeded", after.get("status").asText(), after.toString());
            assertEquals(before.get("result"), after.get("result"));
            assertEquals(before.get("leaderboard"), after.get("leaderboard"));
            assertEquals(before.get("best_over_time"), after.get("best_over_time"));
            assertEquals(before.get("trials_done"), after.get("trials_done"));
            assertEquals(id, second.json("GET", "/v1/training-jobs", null, null).at("/jobs/0/id").asText());
            // the uploaded dataset is still known: a new job on it starts without uploading again
            assertEquals(202, second.send("POST", "/v1/training-jobs", "application/json",
                    "{\"dataset\":\"" + dataset + "\",\"target\":\"species\",\"budget_seconds\":5,\"name\":\"iris-again\"}")
                    .statusCode());
        }
    }

    @Test
    void aFinishedForecastJobShowsItsResultAfterARestart() throws Exception {
        String id;
        JsonNode before;
        try (TrainingGateway first = new TrainingGateway(registry)) {
            id = startForecast(first, 5);
            before = first.awaitStatus(id, DONE);
            assertEquals("succeeded", before.get("status").asText(), before.toString());
        }
        try (TrainingGateway second = new TrainingGateway(registry)) {
            JsonNode after = second.json("GET", "/v1/training-jobs/" + id, null, null);
            assertEquals("succeeded", after.get("status").asText(), after.toString());
            assertEquals("forecast", after.get("task").asText(), after.toString());
            assertEquals(before.get("result"), after.get("result"));
            assertTrue(after.at("/result/backtest/ensemble/mase").isNumber(), after.toString());
            assertEquals(3, after.at("/result/horizon").asInt(), after.toString());
            assertEquals(3, after.at("/result/series").size(), after.toString());
            assertEquals(before.get("leaderboard"), after.get("leaderboard"));
            assertEquals(TrainingGateway.JSON.readTree("{\"time_column\":\"month\",\"series_column\":\"store\",\"horizon\":3,"
                    + "\"known_covariates\":[],\"past_covariates\":[],\"ensemble_rule\":\"" + EnsembleRule.DEFAULT.id() + "\","
                    + "\"max_history\":2500}"), after.get("forecast"), "the defaults the job ran with are shown");
            // the model it names still forecasts after the restart
            JsonNode forecast = second.json("POST", "/v1/models/" + after.at("/result/ref").asText() + "/forecast",
                    "application/json", "{\"series_id\":\"harbor\"}");
            assertEquals(3, forecast.at("/series/0/forecast").size(), forecast.toString());
        }
    }

    @Test
    void aForecastJobStoppedByTheServerIsInterruptedAndRunsAgainFromItsView() throws Exception {
        String id;
        try (TrainingGateway first = new TrainingGateway(registry)) {
            // jobs run one at a time: behind a running search, the forecast job waits queued when the server stops
            String search = start(first, upload(first), 120);
            first.awaitJob(search, v -> v.path("trials_done").asInt() > 0);
            id = startForecast(first, 5);
            assertEquals("queued", first.json("GET", "/v1/training-jobs/" + id, null, null).get("status").asText());
        }
        try (TrainingGateway second = new TrainingGateway(registry)) {
            JsonNode view = second.json("GET", "/v1/training-jobs/" + id, null, null);
            assertEquals("interrupted", view.get("status").asText(), view.toString());
            assertTrue(view.get("result").isNull(), view.toString());
            assertTrue(second.json("GET", "/v1/models", null, null).get("models").isEmpty(), "nothing was registered");
            assertEquals(3, view.at("/forecast/horizon").asInt(), view.toString());
            String again = second.json("POST", "/v1/training-jobs", "application/json", rerun(view)).get("id").asText();
            JsonNode done = second.awaitStatus(again, DONE);
            assertEquals("succeeded", done.get("status").asText(), done.toString());
            assertEquals("forecast", done.get("task").asText(), done.toString());
        }
    }

    @Test
    void aJobStoppedByTheServerIsInterruptedAndCanRunAgain() throws Exception {
        String id;
        try (TrainingGateway first = new TrainingGateway(registry)) {
            id = start(first, upload(first), 120);
            first.awaitJob(id, v -> v.path("trials_done").asInt() > 0);
        }
        try (TrainingGateway second = new TrainingGateway(registry)) {
            JsonNode view = second.json("GET", "/v1/training-jobs/" + id, null, null);
            assertInterrupted(view);
            String again = second.json("POST", "/v1/training-jobs", "application/json", rerun(view)).get("id").asText();
            assertEquals("succeeded", second.awaitStatus(again, DONE).get("status").asText());
        }
    }

    @Test
    void aJobCutShortByACrashIsInterrupted() throws Exception {
        String id;
        try (TrainingGateway first = new TrainingGateway(registry)) {
            id = start(first, upload(first), 120);
            first.awaitJob(id, v -> v.path("trials_done").asInt() > 0
                    && readsRunning(registry.resolve(".gateway/training-jobs/" + v.get("id").asText() + ".json")));
            // what a killed process leaves behind: the folder as it is while the job runs
            copy(registry.resolve(".gateway"), crashed.resolve(".gateway"));
        }
        try (TrainingGateway second = new TrainingGateway(crashed)) {
            assertInterrupted(second.json("GET", "/v1/training-jobs/" + id, null, null));
        }
    }

    @Test
    void aJobThatCannotBeStoredIsRefusedWithAClearError() throws Exception {
        Files.createDirectories(registry.resolve(".gateway"));
        Files.writeString(registry.resolve(".gateway/training-jobs"), "a file where the jobs folder should be");
        try (TrainingGateway g = new TrainingGateway(registry)) {
            var r = g.send("POST", "/v1/training-jobs", "application/json", "{\"dataset\":\"" + upload(g)
                    + "\",\"target\":\"species\",\"budget_seconds\":5}");
            assertEquals(503, r.statusCode(), r.body());
            JsonNode error = TrainingGateway.JSON.readTree(r.body());
            assertEquals("storage_unavailable", error.at("/error/code").asText(), r.body());
            assertTrue(error.at("/error/message").asText().contains("cannot be stored"), r.body());
            assertTrue(g.json("GET", "/v1/training-jobs", null, null).get("jobs").isEmpty(), "no half-started job");
        }
    }

    private static void assertInterrupted(JsonNode view) {
        assertEquals("interrupted", view.get("status").asText(), view.toString());
        assertTrue(view.get("error").asText().contains("the server stopped while this job was running"), view.toString());
        assertTrue(view.get("trials_done").asInt() > 0, view.toString());
        assertFalse(view.get("leaderboard").isEmpty(), "the leaderboard so far is kept: " + view);
        assertEquals(7, view.get("seed").asInt(), view.toString());
        assertTrue(view.get("result").isNull(), view.toString());
    }

    /** The request that runs an interrupted job again, from its view (with a forecast's options when it has them). */
    private static String rerun(JsonNode view) {
        String forecast = "";
        if (view.get("forecast").isObject()) {
            forecast = ",\"task\":\"forecast\"," + view.get("forecast").toString().substring(1, view.get("forecast").toString().length() - 1);
        }
        return "{\"dataset\":\"" + view.get("dataset").asText() + "\",\"target\":\"" + view.get("target").asText()
                + "\",\"budget_seconds\":5,\"name\":\"" + view.get("name").asText() + "\",\"seed\":" + view.get("seed")
                + ",\"column_types\":" + view.get("column_types") + forecast + "}";
    }

    private static boolean readsRunning(Path file) {
        try {
            return TrainingGateway.JSON.readTree(file.toFile()).path("trials_done").asInt() > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
