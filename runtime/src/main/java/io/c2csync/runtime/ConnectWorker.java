package io.c2csync.runtime;

import io.c2csync.connect.ConnectClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Kafka Connect distributed worker in a child JVM, ready when {@code GET /connectors} answers;
 * stopped if it does not become ready.
 */
record ConnectWorker(URI restUrl, ChildProcess process) {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    static ConnectWorker start(ChildLauncher launcher, String bootstrapServers, int restPort, Duration readyTimeout) {
        RuntimeConfig config = launcher.config();
        Path properties = RunFiles.writeProperties(launcher.runDir().resolve("connect-distributed.properties"),
                ConnectWorkerProperties.of(bootstrapServers, restPort, config.buildOutput().pluginPath()));
        ChildProcess worker = launcher.start("Connect worker", "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(properties.toString()), "connect.log");
        URI restUrl = URI.create("http://" + LoopbackPorts.HOST + ":" + restPort);
        ConnectClient probe = new ConnectClient(restUrl, PROBE_TIMEOUT);
        try {
            worker.awaitReady("Connect REST at " + restUrl + " to answer GET /connectors", readyTimeout,
                    () -> probe.connectors() != null);
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        return new ConnectWorker(restUrl, worker);
    }
}
