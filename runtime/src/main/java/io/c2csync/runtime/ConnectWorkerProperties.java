package io.c2csync.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * connect-distributed.properties of the embedded worker: single-node replication, plugins through
 * plugin.path with ServiceLoader discovery, fast recovery after a crash, connector-level client
 * overrides allowed, and config providers so secrets stay out of connector configs.
 */
public final class ConnectWorkerProperties {

    public static final String GROUP_ID = "c2c-sync-connect";

    private ConnectWorkerProperties() {
    }

    /** The worker's properties; also the base of workers the runtime does not start (e.g. in a container). */
    public static Map<String, String> of(String bootstrapServers, int restPort, Path pluginPath) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("group.id", GROUP_ID);
        properties.put("listeners", "http://" + LoopbackPorts.HOST + ":" + restPort);
        properties.put("rest.advertised.host.name", LoopbackPorts.HOST);
        properties.put("rest.advertised.port", String.valueOf(restPort));

        properties.put("config.storage.topic", GROUP_ID + "-configs");
        properties.put("offset.storage.topic", GROUP_ID + "-offsets");
        properties.put("status.storage.topic", GROUP_ID + "-status");
        properties.put("config.storage.replication.factor", "1");
        properties.put("offset.storage.replication.factor", "1");
        properties.put("status.storage.replication.factor", "1");
        properties.put("offset.storage.partitions", "5");
        properties.put("status.storage.partitions", "1");
        properties.put("offset.flush.interval.ms", "250");

        // as in compose/connect-distributed.properties: connectors choose their own converters
        properties.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        properties.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");

        properties.put("plugin.path", pluginPath.toString());
        properties.put("plugin.discovery", "service_load");

        properties.put("session.timeout.ms", "6000");
        properties.put("heartbeat.interval.ms", "1000");
        properties.put("scheduled.rebalance.max.delay.ms", "0");
        properties.put("consumer.session.timeout.ms", "6000");
        properties.put("consumer.heartbeat.interval.ms", "1000");

        properties.put("connector.client.config.override.policy", "All");

        properties.put("config.providers", "file,env");
        properties.put("config.providers.file.class",
                "org.apache.kafka.common.config.provider.FileConfigProvider");
        properties.put("config.providers.env.class",
                "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        return properties;
    }
}
