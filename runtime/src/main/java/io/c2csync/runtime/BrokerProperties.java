package io.c2csync.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** server.properties of a single-node KRaft broker in combined mode, on loopback only. */
final class BrokerProperties {

    static final int NODE_ID = 1;

    private BrokerProperties() {
    }

    static Map<String, String> of(int brokerPort, int controllerPort, Path dataDir) {
        String host = LoopbackPorts.HOST;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":"
                + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host
                + ":" + controllerPort);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", dataDir.toString());
        properties.put("num.partitions", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties;
    }
}
