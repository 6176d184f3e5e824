package io.c2csync.controlplane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code c2c-sync}: the main of the launcher {@code bin/c2c-sync}. */
@Command(name = "c2c-sync", mixinStandardHelpOptions = true,
        description = "MongoDB cluster-to-cluster sync on Kafka Connect.",
        subcommands = {RuntimeCommand.class, VerifyCommand.class})
public final class C2cSyncCommand implements Runnable {

    private static final String LOG_CONFIG_PROPERTY = "log4j2.configurationFile";
    private static final String LOG_CONFIG = "classpath:io/c2csync/controlplane/cli/log4j2.xml";

    static final int EXIT_FAILURE = 1;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
            System.setProperty(LOG_CONFIG_PROPERTY, LOG_CONFIG);
        }
        System.exit(commandLine().execute(args));
    }

    /** Failures of a command are reported by their message, which says what went wrong and what to do. */
    static CommandLine commandLine() {
        return new CommandLine(new C2cSyncCommand())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("c2c-sync " + String.join(" ", parseResult.originalArgs()) + " failed: "
                            + (exception.getMessage() == null ? exception.toString() : exception.getMessage()));
                    return EXIT_FAILURE;
                });
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command");
    }
}
