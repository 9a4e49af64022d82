package io.autogate.engine.cli;

import io.autogate.runtime.registry.FileModelRegistry;
import io.autogate.runtime.registry.ModelRef;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code autogate alias}: points an alias such as {@code production} at a model version. */
@Command(name = "alias", mixinStandardHelpOptions = true, description = "Point an alias (e.g. production) at a model version.")
public final class AliasCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    RegistryOption registry;

    @Option(names = "--model", required = true, paramLabel = "NAME[@VERSION|:ALIAS]",
            description = "the version to point at (a name alone means its latest version)")
    String model;

    @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "the alias to set")
    String alias;

    @Override
    public Integer call() throws Exception {
        FileModelRegistry reg = registry.open();
        int version = reg.manifest(ModelRef.parse(model)).version();
        String name = ModelRef.parse(model).name();
        reg.setAlias(name, alias, version);
        spec.commandLine().getOut().println(name + ":" + alias + " -> " + name + "@" + version);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
