package io.autogate.engine.cli;

import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import io.autogate.runtime.registry.RegisteredModel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autogate models}: lists registered models with versions, aliases and the latest score. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models in a registry.")
public final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    RegistryOption registry;

    @Option(names = "--json", description = "print a JSON array on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FileModelRegistry reg = registry.open();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RegisteredModel m : reg.list()) {
            ModelManifest latest = reg.manifest(new ModelRef(m.name(), m.latest(), null));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", m.name());
            row.put("versions", m.versions());
            row.put("latest", m.latest());
            row.put("aliases", m.aliases());
            row.put("task", latest.schema().task().id());
            row.put("target", latest.schema().target());
            row.put("metric", latest.metric());
            row.put("score", latest.metrics().get(latest.metric()));
            row.put("created", latest.provenance() == null ? null : latest.provenance().createdAt());
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ManifestJson.mapper().writeValueAsString(rows));
        } else if (rows.isEmpty()) {
            out.println("no models in " + registry.registry);
        } else {
            out.printf(Locale.ROOT, "%-24s %-8s %-10s %-16s %-9s %10s  %s%n", "name", "latest", "task", "target", "metric",
                    "score", "aliases");
            for (Map<String, Object> r : rows) {
                out.printf(Locale.ROOT, "%-24s %-8s %-10s %-16s %-9s %10.5f  %s%n", r.get("name"), r.get("latest"), r.get("task"),
                        r.get("target"), r.get("metric"), r.get("score"), r.get("aliases"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
