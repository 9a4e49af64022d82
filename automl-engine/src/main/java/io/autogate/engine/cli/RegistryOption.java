package io.autogate.engine.cli;

import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.registry.FileModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --registry DIR} option shared by every command. */
public final class RegistryOption {
    /** Where models live when no folder is given. */
    public static final String DEFAULT = FileModelRegistry.DEFAULT_FOLDER;

    @Option(names = "--registry", paramLabel = "DIR", defaultValue = DEFAULT,
            description = "registry folder (default: ${DEFAULT-VALUE})")
    Path registry;

    /** The file registry at the chosen folder with every model format on the class path. */
    FileModelRegistry open() {
        return new FileModelRegistry(registry, ModelFormats.discover());
    }
}
