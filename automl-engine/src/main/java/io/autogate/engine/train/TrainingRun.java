package io.autogate.engine.train;

import io.autogate.engine.data.Dataset;
import io.autogate.engine.ingest.DatasetLoader;
import io.autogate.engine.search.AutoMlSearch;
import io.autogate.engine.search.SearchListener;
import io.autogate.engine.search.SearchOutcome;
import io.autogate.engine.search.SearchSettings;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.registry.ModelRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole train command as a library call: load and check the CSV, search within the budget,
 * assemble the artifact and register it. Nothing is written to the registry unless every earlier
 * step succeeded.
 */
public final class TrainingRun {
    private final AutoMlSearch search;
    private final ModelRegistry registry;
    private final Clock clock;

    /** A run that searches with {@code search} and registers into {@code registry}. */
    public TrainingRun(AutoMlSearch search, ModelRegistry registry, Clock clock) {
        this.search = search;
        this.registry = registry;
        this.clock = clock;
    }

    /** Trains and registers; bad input surfaces as {@link io.autogate.engine.BadInputException}. */
    public TrainingResult run(TrainingRequest request, SearchListener listener) throws IOException {
        long start = clock.millis();
        Dataset data = DatasetLoader.load(request.data(), request.target(), request.task(), request.columnTypes());
        SearchSettings settings = request.settings().withBudgetSpent(Duration.ofMillis(clock.millis() - start));
        SearchOutcome outcome = search.run(data, settings, request.robustness(), listener);
        ModelArtifact artifact = ArtifactAssembler.assemble(data, request.data().getFileName().toString(), outcome,
                request.settings().seed(), settingsOf(request), clock);
        ModelManifest manifest = registry.register(request.name(), artifact);
        return new TrainingResult(manifest, outcome, data, (clock.millis() - start) / 1000.0);
    }

    private static Map<String, Object> settingsOf(TrainingRequest request) {
        SearchSettings s = request.settings();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", request.target());
        out.put("task", request.task() == null ? "auto" : request.task().id());
        out.put("budget_seconds", s.budget() == null ? "none" : s.budget().toMillis() / 1000.0);
        out.put("max_trials", s.maxTrials() == null ? "none" : s.maxTrials());
        out.put("parallelism", s.parallelism());
        out.put("families", s.families().isEmpty() ? "all" : String.join(",", s.families()));
        out.put("refit", s.refit());
        if (!request.columnTypes().isEmpty()) {
            Map<String, String> types = new TreeMap<>();
            request.columnTypes().forEach((c, t) -> types.put(c, t.name().toLowerCase(Locale.ROOT)));
            out.put("column_types", types);
        }
        if (request.robustness().enabled()) {
            out.put("select", request.robustness().policy().id());
            out.put("time_column", request.robustness().timeColumn() == null ? "auto" : request.robustness().timeColumn());
            out.put("domain_column", request.robustness().domainColumn() == null ? "auto" : request.robustness().domainColumn());
            out.put("robustness_budget_share", request.robustness().budgetShare());
        }
        return out;
    }
}
