package io.c2csync.controlplane.cli;

import io.c2csync.controlplane.mongo.ConnectionStrings;
import io.c2csync.emulator.EmulatedReplicaSet;
import io.c2csync.emulator.EmulatorOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code c2c-sync emulator}: one emulated MongoDB 6.0 replica set, until Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Runs one emulated MongoDB replica set (the emulator the tests and the demo use), "
                + "prints its connection string and runs until Ctrl-C."})
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "27017", paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--replSet", defaultValue = EmulatorOptions.DEFAULT_REPLICA_SET, paramLabel = "NAME",
            description = "Replica-set name, as in ?replicaSet=NAME. Default: ${DEFAULT-VALUE}")
    private String replicaSetName;

    @Option(names = "--host", defaultValue = EmulatorOptions.DEFAULT_HOST, paramLabel = "HOST",
            description = "Address to bind and to report as the member's host. Default: ${DEFAULT-VALUE}")
    private String host;

    @Option(names = "--auth", description = "Turn on authorization (SCRAM); needs --user.")
    private boolean auth;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD",
            description = "With --auth: the first user, created with the root role.")
    private String user;

    @Override
    public Integer call() {
        EmulatorOptions options = options();
        try (EmulatedReplicaSet replicaSet = EmulatedReplicaSet.start(options)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("c2c-sync emulator ready: " + ConnectionStrings.mask(replicaSet.connectionString())
                    + (auth ? " (password as given to --user)" : "") + " (Ctrl-C to stop)");
            out.flush();
            while (true) {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RuntimeCommand.EXIT_INTERRUPTED;
        }
    }

    private EmulatorOptions options() {
        if (auth != (user != null)) {
            throw new ParameterException(spec.commandLine(),
                    auth ? "--auth needs --user NAME:PASSWORD" : "--user needs --auth");
        }
        try {
            EmulatorOptions options = EmulatorOptions.defaults().withPort(port).withReplicaSetName(replicaSetName).withHost(host);
            return auth ? options.withAuth(user) : options;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
