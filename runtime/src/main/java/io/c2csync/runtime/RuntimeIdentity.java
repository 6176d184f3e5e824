package io.c2csync.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The ports and Kafka cluster id of a runtime. A durable data folder keeps them in
 * {@value #FILE_NAME} from its first start on: the formatted Kafka log carries the cluster id and
 * KRaft's standalone voter record carries the controller endpoint, so both must stay the same.
 */
record RuntimeIdentity(int brokerPort, int controllerPort, int connectPort, String clusterId) {

    static final String FILE_NAME = "runtime-identity.properties";

    /** Configured ports (free ones for 0) and a new cluster id, for a fresh run folder. */
    static RuntimeIdentity fresh(RuntimeConfig config) {
        return new RuntimeIdentity(LoopbackPorts.configuredOrFree(config.brokerPort()),
                LoopbackPorts.configuredOrFree(config.controllerPort()),
                LoopbackPorts.configuredOrFree(config.connectPort()), Uuid.randomUuid().toString());
    }

    /**
     * The identity persisted in {@code dataDir}, checked against the configuration and the ports
     * free now; or, at the first start, a fresh one, persisted.
     */
    static RuntimeIdentity durable(RuntimeConfig config, Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            RuntimeIdentity identity = fresh(config);
            RunFiles.writeProperties(file, identity.asProperties());
            return identity;
        }
        RuntimeIdentity persisted = read(file);
        persisted.requireConfigured("broker", config.brokerPort(), persisted.brokerPort, file);
        persisted.requireConfigured("controller", config.controllerPort(), persisted.controllerPort, file);
        persisted.requireConfigured("Connect REST", config.connectPort(), persisted.connectPort, file);
        // the children of a run that was just stopped or whose parent was killed may still hold them
        requireFree("broker", persisted.brokerPort, file, config.stopTimeout());
        requireFree("controller", persisted.controllerPort, file, config.stopTimeout());
        requireFree("Connect REST", persisted.connectPort, file, config.stopTimeout());
        return persisted;
    }

    private static RuntimeIdentity read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded runtime's identity " + file, e);
        }
        try {
            return new RuntimeIdentity(port(properties, "broker.port"), port(properties, "controller.port"),
                    port(properties, "connect.port"), Uuid.fromString(required(properties, "cluster.id")).toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The embedded runtime's identity " + file + " is damaged: "
                    + e.getMessage() + "; restore it (the Kafka data in its folder needs the same cluster id and ports)",
                    e);
        }
    }

    private static int port(Properties properties, String key) {
        int port = Integer.parseInt(required(properties, key));
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(key + " must be 1..65535, was " + port);
        }
        return port;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value.trim();
    }

    private void requireConfigured(String name, int configured, int persisted, Path file) {
        if (configured != 0 && configured != persisted) {
            throw new IllegalArgumentException("The " + name + " port " + configured + " differs from port "
                    + persisted + " that the embedded runtime's data folder was created with (" + file
                    + "); start with port " + persisted + " (or 0), or use another work folder");
        }
    }

    private static void requireFree(String name, int port, Path file, Duration wait) {
        try {
            Await.await("port " + port + " to be free", wait).until(() -> LoopbackPorts.isFree(port));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("The " + name + " port " + LoopbackPorts.HOST + ":" + port
                    + " of the embedded runtime (kept in " + file + ") is taken by another process for "
                    + wait.toMillis() + " ms; stop that process (is another c2c-sync running on this work folder?)"
                    + " and start again", e);
        }
    }

    private Map<String, String> asProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("broker.port", String.valueOf(brokerPort));
        properties.put("controller.port", String.valueOf(controllerPort));
        properties.put("connect.port", String.valueOf(connectPort));
        properties.put("cluster.id", clusterId);
        return properties;
    }
}
