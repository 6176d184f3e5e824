package io.c2csync.controlplane.connect;

import io.c2csync.connector.sink.SinkConnectorConfigs;
import io.c2csync.connector.source.SourceConnectorConfigs;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.controlplane.sync.PairId;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sync groups of one connector pair and the names derived from them. Every pair gets topics
 * of its own ({@code c2c-sync.<syncId>-p<generation>.<group>}), so a reverse never reuses a topic
 * or the sink's checkpoints keyed by it. One group carries every selected namespace.
 */
public record PairTopics(String syncId) {
    static final String ALL_NAMESPACES_GROUP = "all";

    public PairTopics {
        new SyncGroupTopic(syncId, ALL_NAMESPACES_GROUP);
    }

    public List<SyncGroupTopic> groups(PairId pair) {
        return List.of(new SyncGroupTopic(syncId + "-p" + pair.generation(), ALL_NAMESPACES_GROUP));
    }

    /** Source and sink connector of every group, in that order per group. */
    public List<String> connectorNames(PairId pair) {
        return groups(pair).stream()
                .flatMap(topic -> Stream.of(SourceConnectorConfigs.connectorName(topic),
                        SinkConnectorConfigs.connectorName(topic)))
                .toList();
    }
}
