package io.c2csync.controlplane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code c2c-sync}: the main of the launcher {@code bin/c2c-sync}. */
@Command(name = "c2c-sync", mixinStandardHelpOptions = true,
        description = "MongoDB cluster-to-cluster sync on Kafka Connect.",
        subcommands = {RunCommand.class, DemoCommand.class, RuntimeCommand.class, EmulatorCommand.class,
            VerifyCommand.class})
public final class C2cSyncCommand implements Runnable {

    private static final String LOG_CONFIG_PROPERTY = "log4j2.configurationFile";
    private static final String LOG_CONFIG = "classpath:io/c2csync/controlplane/cli/log4j2.xml";

    static final int EXIT_FAILURE = 1;
    private static final java.util.Set<String> TOP_LEVEL_OPTIONS = java.util.Set.of("-h", "--help", "-V", "--version");

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
            System.setProperty(LOG_CONFIG_PROPERTY, LOG_CONFIG);
        }
        System.exit(commandLine().execute(withDefaultCommand(args)));
    }

    /** {@code run} is the default command: {@code c2c-sync --cluster0 ...} means {@code c2c-sync run --cluster0 ...}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || !args[0].startsWith("-") || TOP_LEVEL_OPTIONS.contains(args[0])) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }

    /**
     * Failures of a command are reported by their message, which says what went wrong and what to do, with the
     * passwords of connection strings masked; the exit code is the command's {@code exitCodeOnExecutionException}.
     */
    static CommandLine commandLine() {
        return new CommandLine(new C2cSyncCommand())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
                    String[] args = parseResult.originalArgs().toArray(String[]::new);
                    commandLine.getErr().println(Passwords.redact("c2c-sync " + String.join(" ", args) + " failed: " + message, args));
                    return commandLine.getCommandSpec().exitCodeOnExecutionException();
                });
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command");
    }
}
