package io.autogate.engine.cli;

import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.onnximport.OnnxImportSpec;
import io.autogate.runtime.onnximport.OnnxImporter;
import io.autogate.runtime.registry.ModelRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code autogate import-onnx}: registers an outside model given as ONNX with a declared input
 * schema. ONNX is the only way outside models enter the registry; it is checked by loading it in
 * ONNX Runtime before anything is written.
 */
@Command(name = "import-onnx", mixinStandardHelpOptions = true,
        description = "Register an ONNX model with its declared input schema (JSON spec).")
public final class ImportOnnxCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    RegistryOption registry;

    @Option(names = "--file", required = true, paramLabel = "MODEL.onnx", description = "the ONNX model")
    Path file;

    @Option(names = "--spec", required = true, paramLabel = "SPEC.json", description = "the declared schema: "
            + "{\"target\":..., \"task\":..., \"classes\":[...], \"columns\":[...], \"output\":...}")
    Path specFile;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "model name in the registry")
    String name;

    @Override
    public Integer call() throws Exception {
        ModelRef.requireValidName(name, "model name");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no ONNX file at " + file);
        }
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException("no spec file at " + specFile);
        }
        OnnxImportSpec importSpec = OnnxImportSpec.fromJson(Files.readString(specFile, StandardCharsets.UTF_8));
        ModelManifest manifest = registry.open().register(name,
                new OnnxImporter(Clock.systemUTC()).fromOnnx(Files.readAllBytes(file), importSpec));
        spec.commandLine().getOut().println(manifest.name() + "@" + manifest.version());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
