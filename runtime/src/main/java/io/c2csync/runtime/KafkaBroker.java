package io.c2csync.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node Kafka broker (KRaft combined mode) in a child JVM that formats its data folder
 * first unless it is formatted already; ready when it answers an Admin request. A broker that does not
 * become ready is stopped.
 */
record KafkaBroker(String bootstrapServers, ChildProcess process) {

    private static final int PROBE_TIMEOUT_MS = 2_000;

    /** @param exitAfterPidFile when the parent dies, the broker exits after the process whose pid is there */
    static KafkaBroker start(ChildLauncher launcher, RuntimeIdentity identity, Path exitAfterPidFile,
            Duration readyTimeout) {
        int brokerPort = identity.brokerPort();
        int controllerPort = identity.controllerPort();
        Path properties = RunFiles.writeProperties(launcher.runDir().resolve("broker.properties"),
                BrokerProperties.of(brokerPort, controllerPort, launcher.runDir().resolve("kafka-data")));

        ChildProcess broker = launcher.start("Kafka broker", FormatAndRunBroker.class.getName(),
                List.of(properties.toString(), identity.clusterId()), "broker.log",
                List.of("-D" + ExitWithParent.EXIT_AFTER_PID_FILE_PROPERTY + "=" + exitAfterPidFile));
        String bootstrapServers = LoopbackPorts.HOST + ":" + brokerPort;
        try {
            awaitReady(broker, bootstrapServers, brokerPort, readyTimeout);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return new KafkaBroker(bootstrapServers, broker);
    }

    private static void awaitReady(ChildProcess broker, String bootstrapServers, int brokerPort, Duration timeout) {
        // an Admin client created before the port listens logs a warning per connection attempt
        broker.awaitReady("Kafka broker to listen on " + bootstrapServers, timeout,
                () -> LoopbackPorts.isListening(brokerPort));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS))) {
            broker.awaitReady("Kafka broker at " + bootstrapServers + " to answer an Admin request",
                    timeout,
                    () -> knowsABroker(admin));
        }
    }

    private static boolean knowsABroker(Admin admin) throws Exception {
        return !admin.describeCluster().nodes().get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
    }
}
