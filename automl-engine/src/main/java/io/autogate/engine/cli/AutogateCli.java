package io.autogate.engine.cli;

import io.autogate.engine.BadInputException;
import io.autogate.engine.search.SearchFailedException;
import io.autogate.runtime.registry.ModelException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code autogate} command line: {@code train}, {@code predict}, {@code models} and
 * {@code alias}. Errors print one line on stderr and exit with status 2 for bad input, 1 for
 * other failures; a stack trace only appears with {@code AUTOGATE_DEBUG=1}.
 */
@Command(name = "autogate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "AutoML engine and model registry: train on a CSV, predict, list models, write samples.",
        subcommands = {TrainCommand.class, PredictCommand.class, ModelsCommand.class, AliasCommand.class,
            SampleCommand.class, ImportOnnxCommand.class})
public final class AutogateCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "choose a command: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (used by tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line with the engine's commands plus {@code extraCommands} (picocli
     * command objects, such as the gateway's {@code serve} added by the application module), with
     * one-line error reporting and the exit codes of {@link ExitCodes}.
     */
    public static CommandLine commandLine(Object... extraCommands) {
        CommandLine cli = new CommandLine(new AutogateCli());
        for (Object command : extraCommands) {
            cli.addSubcommand(command);
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(commandLine.getErr(), e));
        cli.setParameterExceptionHandler((e, args1) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("run 'autogate " + e.getCommandLine().getCommandName() + " --help' for usage");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }

    private static int report(PrintWriter err, Exception e) {
        int status = switch (e) {
            case BadInputException b -> ExitCodes.BAD_INPUT;
            case IllegalArgumentException i -> ExitCodes.BAD_INPUT;
            case ModelException m -> ExitCodes.BAD_INPUT;
            case SearchFailedException s -> ExitCodes.FAILURE;
            default -> ExitCodes.FAILURE;
        };
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        err.println("error: " + (status == ExitCodes.FAILURE && !(e instanceof SearchFailedException)
                ? "internal failure (" + e.getClass().getSimpleName() + "): " + message : message));
        if ("1".equals(System.getenv("AUTOGATE_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }
}
