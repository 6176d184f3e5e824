package io.c2csync.controlplane.cli;

import io.c2csync.controlplane.api.ApiToken;
import io.c2csync.controlplane.mongo.ConnectionStrings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code c2c-sync [run] --cluster0 <uri> --cluster1 <uri> ...}: the control plane with its API,
 * on an embedded Kafka + Connect (default) or on the Connect cluster at {@code --connect-url},
 * until Ctrl-C. The embedded runtime keeps its Kafka and Connect data in the work folder, so a
 * restart with the same flags resumes the connectors from their offsets.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the sync service: mongosync's HTTP API over Kafka Connect (the default command)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cluster0", paramLabel = "URI", description = "MongoDB connection string of cluster0.")
    private String cluster0;

    @Option(names = "--cluster1", paramLabel = "URI", description = "MongoDB connection string of cluster1.")
    private String cluster1;

    @Option(names = "--port", paramLabel = "PORT", description = "API port. Default: 27182")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "API address. Default: 127.0.0.1 (only this"
            + " machine). A wider address lets anyone who reaches it control the sync: give an API token then.")
    private String bind;

    @Mixin
    private ApiTokenOptions apiToken;

    @Option(names = "--connect-url", paramLabel = "URL",
            description = "A Kafka Connect cluster to deploy on; its workers need C2C_CLUSTER0_URI and C2C_CLUSTER1_URI"
                    + " in their environment. Without it an embedded Kafka broker and Connect worker are started.")
    private URI connectUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML file with the same keys as these flags.")
    private Path config;

    @Option(names = "--id", paramLabel = "NAME", description = "This sync's id (topics, state). Default: c2c-sync")
    private String id;

    @Option(names = "--logPath", paramLabel = "DIR", description = "Also write the log to DIR/c2c-sync.log.")
    private Path logPath;

    @Option(names = "--verbosity", paramLabel = "LEVEL", description = "Log level of c2c-sync. Default: INFO")
    private String verbosity;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Persisted sync state, secrets file and embedded runtime. Default: c2c-sync-work")
    private Path workDir;

    @Option(names = "--database-groups", paramLabel = "N", description = "At most N databases (in name order) get"
            + " a sync group of their own (source connector, topic, sink); the others share the group 'other'. 0 = one"
            + " group for the whole sync. Keep it unchanged over restarts of a sync. Default: 16")
    private Integer databaseGroups;

    @Override
    public Integer call() {
        RunSettings flags = new RunSettings(cluster0, cluster1, port, bind,
                connectUrl == null ? null : connectUrl.toString(), id, logPath == null ? null : logPath.toString(),
                verbosity, workDir == null ? null : workDir.toString(), databaseGroups);
        RunSettings.Resolved run = flags.orElse(config == null ? RunSettings.EMPTY : RunSettings.read(config)).resolve();
        ApiToken token = apiToken.resolve(System.getenv());
        Logging.configure(run.logPath(), run.verbosity());
        requireConnectionString("--cluster0", run.cluster0());
        requireConnectionString("--cluster1", run.cluster1());
        RunningSync sync = RunningSync.start(run, token);
        Thread shutdown = new Thread(sync::close, "c2c-sync-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        PrintWriter out = spec.commandLine().getOut();
        out.println("c2c-sync ready: API " + sync.apiUri() + " (Ctrl-C to stop)");
        out.flush();
        sync.runtimeGaveUp().thenAccept(failure -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println("c2c-sync: the embedded runtime gave up: " + failure.getMessage().lines().findFirst().orElse("")
                    + ". The API stays up and /progress shows why; fix the cause, then restart c2c-sync with the same"
                    + " flags.");
            err.flush();
        });
        try {
            // until this thread is interrupted (an embedding program or a test); Ctrl-C ends the JVM through the hook
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            sync.close();
            // only now: closing waits for the embedded runtime's processes, which an interrupted thread cannot
            Thread.currentThread().interrupt();
        }
        return RuntimeCommand.EXIT_INTERRUPTED;
    }

    /** A connection string the driver cannot parse fails the start-up, before anything is started, naming its flag. */
    private static void requireConnectionString(String flag, String uri) {
        try {
            ConnectionStrings.displayAddress(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }
}
