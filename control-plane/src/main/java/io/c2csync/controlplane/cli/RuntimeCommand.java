package io.c2csync.controlplane.cli;

import io.c2csync.runtime.ChildProcessException;
import io.c2csync.runtime.EmbeddedRuntime;
import io.c2csync.runtime.RuntimeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code c2c-sync runtime}: the embedded Kafka broker and Connect worker, until Ctrl-C. */
@Command(name = "runtime", mixinStandardHelpOptions = true,
        description = {"Starts a Kafka broker and a Kafka Connect worker with the c2c-sync plugin on this machine, "
                + "prints where they listen and runs until Ctrl-C."})
final class RuntimeCommand implements Callable<Integer> {

    static final int EXIT_INTERRUPTED = 130;

    @Spec
    private CommandSpec spec;

    @Option(names = "--work-dir", defaultValue = "work-dir", paramLabel = "DIR",
            description = "Each start creates a fresh run folder (data, config, logs) here. Default: ${DEFAULT-VALUE}")
    private Path workDir;

    @Option(names = "--kafka-port", defaultValue = "0", paramLabel = "PORT",
            description = "Kafka listener port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    private int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "0", paramLabel = "PORT",
            description = "KRaft controller port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    private int controllerPort;

    @Option(names = "--connect-port", defaultValue = "0", paramLabel = "PORT",
            description = "Kafka Connect REST port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    private int connectPort;

    @Override
    public Integer call() throws ExecutionException {
        RuntimeConfig config = RuntimeConfig.defaults(workDir).withPorts(kafkaPort, controllerPort, connectPort);
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(config)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("c2c-sync runtime ready: Kafka bootstrap " + runtime.bootstrapServers() + ", Kafka Connect REST "
                    + runtime.connectUrl() + ", logs in " + runtime.runDir() + " (Ctrl-C to stop)");
            out.flush();
            ChildProcessException failure = runtime.gaveUp().get();
            spec.commandLine().getErr().println(failure.getMessage());
            return C2cSyncCommand.EXIT_FAILURE;
        } catch (InterruptedException e) {
            // the thread running the command was asked to stop (an embedding program or a test)
            Thread.currentThread().interrupt();
            return EXIT_INTERRUPTED;
        }
    }
}
