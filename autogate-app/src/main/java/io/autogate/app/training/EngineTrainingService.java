package io.autogate.app.training;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import io.autogate.engine.family.ModelFamilies;
import io.autogate.engine.ingest.ColumnTypeOverrides;
import io.autogate.engine.ingest.CsvReader;
import io.autogate.engine.robustness.RobustnessSettings;
import io.autogate.engine.robustness.SelectionPolicy;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.Leaderboard;
import io.autogate.engine.search.SearchSettings;
import io.autogate.engine.space.SearchSpaceLoader;
import io.autogate.engine.train.TrainingRequest;
import io.autogate.engine.train.TrainingResult;
import io.autogate.engine.train.TrainingRun;
import io.autogate.gateway.http.ApiException;
import io.autogate.gateway.training.TrainingJobRequest;
import io.autogate.gateway.training.TrainingService;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.schema.ColumnType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine behind the gateway's training routes. Datasets are kept under
 * {@code <registry>/.gateway/datasets}; jobs run one at a time on a background thread (a second job
 * waits, queued), with the search's own parallelism inside; a finished job's model is registered
 * in the registry the gateway serves. Each job's state is stored under {@code <registry>/.gateway/training-jobs}
 * as it changes and read back on start, so a restart keeps finished jobs and shows the ones it cut
 * short as {@code interrupted}.
 */
public final class EngineTrainingService implements TrainingService, AutoCloseable {
    /** Default upload limit: 50 MB. */
    public static final long DEFAULT_MAX_BYTES = 50L << 20;
    /** The column type that leaves a column out of training. */
    static final String IGNORE = "ignore";

    private final Path registry;
    private final DatasetStore datasets;
    private final JobStore store;
    private final Clock clock;
    private final int parallelism;
    private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "autogate-training");
        t.setDaemon(true);
        return t;
    });

    /** A service training into {@code registry}, with uploads up to {@code maxBytes}. */
    public EngineTrainingService(Path registry, long maxBytes, int parallelism, Clock clock) {
        this.registry = registry;
        this.datasets = new DatasetStore(registry.resolve(".gateway").resolve("datasets"), maxBytes);
        this.store = new JobStore(registry.resolve(".gateway").resolve("training-jobs"));
        this.parallelism = parallelism;
        this.clock = clock;
        for (Map<String, Object> record : store.loadAll()) {
            TrainingJob job = TrainingJob.restore(record, store);
            jobs.put(job.id(), job);
        }
    }

    @Override
    public long maxDatasetBytes() {
        return datasets.maxBytes();
    }

    @Override
    public Map<String, Object> addDataset(String fileName, byte[] csv) {
        return datasets.add(fileName, csv);
    }

    @Override
    public Map<String, Object> start(TrainingJobRequest request) {
        Path file = datasets.file(request.datasetId()).orElseThrow(() -> ApiException.notFound("dataset_not_found",
                "no dataset with id '" + request.datasetId() + "': upload it with POST /v1/datasets"));
        Table table = CsvReader.read(file);
        List<Map<String, Object>> problems = new ArrayList<>();
        if (!table.header().contains(request.target())) {
            problems.add(DatasetStore.problem("target", "no column named '" + request.target() + "'; the columns are "
                    + String.join(", ", table.header())));
        }
        request.columnTypes().forEach((column, type) -> {
            String field = "column_types." + column;
            int c = table.header().indexOf(column);
            Optional<ColumnType> settable = ColumnTypeOverrides.parse(type);
            if (c < 0) {
                problems.add(DatasetStore.problem(field, "no such column"));
            } else if (column.equals(request.target())) {
                problems.add(DatasetStore.problem(field, "this is the target: it cannot be ignored, and its type follows"
                        + " from the task"));
            } else if (!IGNORE.equals(type) && settable.isEmpty()) {
                problems.add(DatasetStore.problem(field, "'" + type + "' is not a type a column can be set to; use one of "
                        + IGNORE + ", " + String.join(", ", new TreeSet<>(ColumnTypeOverrides.SETTABLE.keySet()))));
            } else {
                settable.flatMap(t -> ColumnTypeOverrides.problem(table, c, t))
                        .ifPresent(p -> problems.add(DatasetStore.problem(field, "cannot be " + type + ": " + p)));
            }
        });
        if (request.forecast() != null) {
            problems.addAll(ForecastJobs.problems(table, request));
        }
        String name = request.name() != null ? request.name() : defaultName(datasets.displayName(request.datasetId()));
        try {
            ModelRef.requireValidName(name, "model name");
        } catch (IllegalArgumentException e) {
            problems.add(DatasetStore.problem("name", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("the training job request has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems"), problems);
        }
        String id = "job-" + clock.millis() + "-" + sequence.incrementAndGet();
        TrainingJob job;
        try {
            job = TrainingJob.queued(id, request, name, clock.millis(), store);
        } catch (UncheckedIOException e) {
            throw new ApiException(503, "storage_unavailable", e.getMessage() + "; nothing was started");
        }
        jobs.put(id, job);
        runner.submit(() -> run(job, file, table));
        return job.view(clock.millis(), true);
    }

    private void run(TrainingJob job, Path file, Table table) {
        if (!job.begin(clock.millis())) {
            return;
        }
        try {
            Path data = withoutIgnored(job, file, table);
            if (job.request().forecast() != null) {
                ForecastJobs.run(job, data, new FileModelRegistry(registry, ModelFormats.discover()), parallelism, clock);
                return;
            }
            SearchSettings settings = new SearchSettings(Duration.ofSeconds(job.request().budgetSeconds()), null,
                    job.request().seed(), parallelism, List.of());
            AutoMlSearch search = new AutoMlSearch(ModelFamilies.discover(),
                    new SearchSpaceLoader(SearchSpaceLoader.class.getClassLoader(), Optional.empty()), clock);
            TrainingResult result = new TrainingRun(search, new FileModelRegistry(registry, ModelFormats.discover()), clock)
                    .run(new TrainingRequest(data, job.request().target(), null, settings, job.name(),
                            // as on the command line: shifted-split checks, the balanced pick, columns suggested
                            RobustnessSettings.of(SelectionPolicy.BALANCED, null, null), typeOverrides(job.request())),
                            (trial, best, done, elapsed) -> {
                                if (job.cancelRequested()) {
                                    throw new JobCancelledException();
                                }
                                job.trialFinished(trial, best, done, elapsed);
                            });
            job.succeeded(clock.millis(), result.dataset().schema().task().id(), result.outcome().metric().id(),
                    resultView(result), leaderboard(result));
        } catch (JobCancelledException e) {
            job.failed(clock.millis(), true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.failed(clock.millis(), true, null);
        } catch (BadInputException e) {
            job.failed(clock.millis(), false, "training failed: " + e.getMessage());
        } catch (RuntimeException | IOException e) {
            job.failed(clock.millis(), job.cancelRequested(), "training failed: " + e.getMessage());
        }
    }

    /** The column types set in a request, without the columns to leave out. */
    private static Map<String, ColumnType> typeOverrides(TrainingJobRequest request) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        request.columnTypes().forEach((column, type) -> ColumnTypeOverrides.parse(type).ifPresent(t -> out.put(column, t)));
        return out;
    }

    /** The file to train on: the upload itself, or a copy without the columns marked {@code ignore}. */
    private static Path withoutIgnored(TrainingJob job, Path file, Table table) throws IOException {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (!IGNORE.equals(job.request().columnTypes().get(table.header().get(c)))) {
                kept.add(c);
            }
        }
        if (kept.size() == table.header().size()) {
            return file;
        }
        Path out = file.resolveSibling(job.id() + ".csv");
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            line(w, kept.stream().map(table.header()::get).toList());
            for (String[] row : table.rows()) {
                line(w, kept.stream().map(c -> c < row.length ? row[c] : "").toList());
            }
        }
        return out;
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            w.write(i == 0 ? "" : ",");
            w.write(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        w.write('\n');
    }

    private static Map<String, Object> resultView(TrainingResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", result.manifest().name());
        out.put("version", result.manifest().version());
        out.put("ref", result.manifest().name() + "@" + result.manifest().version());
        out.put("metric", result.outcome().metric().id());
        out.put("score", result.outcome().score());
        out.put("metrics", result.outcome().metrics());
        out.put("description", result.outcome().describeModel());
        out.put("rows", result.dataset().size());
        out.put("validation", result.outcome().validation());
        out.put("robustness_summary", result.manifest().robustness() == null ? null
                : result.manifest().robustness().summary());
        out.put("insights", result.manifest().insights());
        return out;
    }

    private static List<Map<String, Object>> leaderboard(TrainingResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : Leaderboard.rows(result.outcome())) {
            @SuppressWarnings("unchecked")
            Map<String, Double> metrics = (Map<String, Double>) r.get("metrics");
            rows.add(TrainingJob.row((Integer) r.get("rank"), (String) r.get("family"), (String) r.get("status"),
                    metrics.isEmpty() ? null : metrics.values().iterator().next(), number(r.get("fit_seconds")),
                    number(r.get("predict_us_per_row"))));
        }
        return rows;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A valid model name from an upload's file name, e.g. {@code "Pima Diabetes.csv"} to {@code pima-diabetes}. */
    static String defaultName(String fileName) {
        String base = fileName.replaceFirst("(?i)\\.csv$", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "model-" + base;
        }
        return base.length() > 60 ? base.substring(0, 60) : base;
    }

    @Override
    public Optional<Map<String, Object>> job(String id) {
        return Optional.ofNullable(jobs.get(id)).map(j -> j.view(clock.millis(), true));
    }

    @Override
    public List<Map<String, Object>> jobs() {
        return jobs.values().stream().sorted(Comparator.comparingLong(TrainingJob::createdMillis).reversed())
                .map(j -> j.view(clock.millis(), false)).toList();
    }

    @Override
    public boolean cancel(String id) {
        TrainingJob job = jobs.get(id);
        if (job == null) {
            return false;
        }
        job.requestCancel(clock.millis());
        return true;
    }

    @Override
    public void close() {
        jobs.values().forEach(j -> j.interrupt(clock.millis()));
        runner.shutdownNow();
    }

}
