package io.c2csync.controlplane.cli;

import io.c2csync.controlplane.ControlPlaneOptions;
import io.c2csync.controlplane.demo.DemoClusters;
import io.c2csync.controlplane.demo.SampleData;
import io.c2csync.controlplane.demo.Steps;
import io.c2csync.controlplane.demo.Walkthrough;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code c2c-sync demo}: two emulated replica sets with sample data, the embedded Kafka broker and
 * Connect worker, the control plane, and a walk through mongosync's runbook against them over HTTP,
 * printing each curl command. Everything it started is stopped at the end (or at Ctrl-C with
 * {@code --keep-running}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Shows c2c-sync at work on this machine: two emulated MongoDB replica sets, the embedded "
                + "Kafka broker and Connect worker and the control plane; start, copy, live writes, commit, "
                + "reverse, each step with its curl command."})
final class DemoCommand implements Callable<Integer> {
    private static final String BIND = "127.0.0.1";
    private static final int STARTUP_STEPS = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "" + ControlPlaneOptions.DEFAULT_PORT, paramLabel = "PORT",
            description = "API port; if it is taken a free one is used (and said); 0 picks a free one. "
                    + "Default: ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--keep-running",
            description = "After the walk-through leave the clusters, Kafka, Connect and the API up until Ctrl-C.")
    private boolean keepRunning;

    @Override
    public Integer call() throws IOException, ExecutionException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path workDir = Files.createTempDirectory("c2c-sync-demo-");
        Logging.configure(workDir.resolve("logs"), "INFO");
        out.println("c2c-sync demo: working in " + workDir + " (logs in " + workDir.resolve("logs") + ")");
        Steps steps = new Steps(out, STARTUP_STEPS + Walkthrough.STEPS);
        steps.next("start two emulated MongoDB replica sets", "Authorization on; on each the sync user '"
                + DemoClusters.SYNC_USER + "' (root: setUserWriteBlockMode, bypassWriteBlockingMode) and the"
                + " application user '" + DemoClusters.APP_USER + "' (readWriteAnyDatabase, no bypass).");
        DemoEnvironment demo = new DemoEnvironment(workDir, DemoClusters.start());
        Thread shutdown = new Thread(demo::close, "c2c-sync-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        boolean interrupted = false;
        try {
            interrupted = !runDemo(demo, workDir, steps, out);
            return interrupted ? RuntimeCommand.EXIT_INTERRUPTED : 0;
        } catch (RuntimeException e) {
            demo.keepWorkFolder();
            throw new IllegalStateException("the demo failed at " + steps.where() + ": " + e.getMessage()
                    + " (logs kept in " + workDir.resolve("logs") + ")", e);
        } finally {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            demo.close();
            if (interrupted) {
                // only now: closing waits for the child processes to exit, which an interrupted thread cannot
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns false if it was interrupted while keeping everything running (the interrupt is then consumed). */
    private boolean runDemo(DemoEnvironment demo, Path workDir, Steps steps, PrintWriter out)
            throws ExecutionException {
        DemoClusters clusters = demo.clusters();
        for (int i = 0; i < 2; i++) {
            steps.say("cluster" + i + ": " + DemoClusters.masked(clusters.syncUri(i)) + " (sync user)");
        }

        steps.next("seed sample data on cluster0", "As the application user; cluster1 stays empty.");
        SampleData.seed(clusters.application(0)).forEach(steps::say);

        steps.next("start Kafka, Kafka Connect and the control plane", "What 'bin/c2c-sync --cluster0 URI"
                + " --cluster1 URI' starts: a Kafka broker and a Connect worker (child JVMs) with the c2c-sync"
                + " connectors, and mongosync's HTTP API.");
        int apiPort = ApiPort.freeOrAny(BIND, port);
        if (apiPort != port) {
            steps.say("port " + port + " is in use: the API listens on a free port instead (see below).");
        }
        RunningSync sync = demo.startSync(new RunSettings(clusters.syncUri(0), clusters.syncUri(1), apiPort, BIND,
                null, "demo", null, "INFO", workDir.toString()).resolve());
        URI api = sync.apiUri();
        steps.say("API " + api + " (port " + api.getPort() + "), progress page " + api.resolve("/"));

        new Walkthrough(api, clusters, steps, out, System.console() != null).run();
        demo.walkedThrough();
        out.println();
        out.println("The demo went through every step.");
        if (!keepRunning) {
            out.println("Stopping everything it started (--keep-running leaves it up).");
            out.flush();
            return true;
        }
        printWhatRuns(clusters, api, out);
        try {
            spec.commandLine().getErr().println("c2c-sync demo stops: " + sync.runtimeGaveUp().get().getMessage());
            throw new IllegalStateException("the embedded Kafka runtime gave up restarting a child");
        } catch (InterruptedException e) {
            // the thread running the command was asked to stop (an embedding program or a test); the caller
            // stops everything, then keeps the thread's interrupt
            return false;
        }
    }

    private static void printWhatRuns(DemoClusters clusters, URI api, PrintWriter out) {
        out.println();
        out.println("Everything stays up until Ctrl-C (the sync now runs cluster1 -> cluster0):");
        for (int i = 0; i < 2; i++) {
            out.println("  cluster" + i + " as the sync user:        " + DemoClusters.masked(clusters.syncUri(i)));
            out.println("  cluster" + i + " as the application user: " + DemoClusters.masked(clusters.applicationUri(i)));
        }
        out.println("  passwords: " + DemoClusters.SYNC_USER + " / " + DemoClusters.SYNC_PASSWORD + ", "
                + DemoClusters.APP_USER + " / " + DemoClusters.APP_PASSWORD);
        out.println("  API:           " + api + " (port " + api.getPort() + ")");
        out.println("  progress page: " + api.resolve("/"));
        out.println("  metrics:       " + api.resolve("/metrics"));
        out.println("  try:           curl -s " + api.resolve("progress"));
        out.println("                 curl -s " + api.resolve("commit") + " -XPOST --data '{ }'");
        out.flush();
    }
}
