package io.c2csync.controlplane.connect;

import io.c2csync.connector.sink.SinkConnectorConfigs;
import io.c2csync.connector.sink.SinkGroupSpec;
import io.c2csync.connector.source.BuildIndexes;
import io.c2csync.connector.source.SourceConnectorConfigs;
import io.c2csync.connector.source.SourceGroupSpec;
import io.c2csync.connector.source.SourceStart;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.StartPoint;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonTimestamp;

/** The pure function {@code pair -> connector configs}, over the connector module's own config functions. */
public final class ConnectorConfigFactory {
    private final PairTopics topics;
    private final ClusterSecrets secrets;

    public ConnectorConfigFactory(PairTopics topics, ClusterSecrets secrets) {
        this.topics = topics;
        this.secrets = secrets;
    }

    public List<DesiredConnector> configs(ConnectorPair pair) {
        NamespaceSelection sync = Selections.of(pair.spec());
        List<DesiredConnector> connectors = new ArrayList<>();
        for (PairTopics.PairGroup group : topics.layout(pair.id(), sync)) {
            SyncGroupTopic topic = group.topic();
            SourceGroupSpec source = new SourceGroupSpec(topic, secrets.get(pair.direction().source()),
                    group.selection(), BuildIndexes.fromWireName(pair.spec().buildIndexes().apiName()),
                    start(pair.startPoint()));
            SinkGroupSpec sink = new SinkGroupSpec(topic, secrets.get(pair.direction().destination()),
                    group.selection(), sync);
            connectors.add(new DesiredConnector(SourceConnectorConfigs.connectorName(topic),
                    SourceConnectorConfigs.create(source)));
            connectors.add(new DesiredConnector(SinkConnectorConfigs.connectorName(topic),
                    SinkConnectorConfigs.create(sink)));
        }
        return connectors;
    }

    private static SourceStart start(StartPoint point) {
        return point.resumeAt()
                .<SourceStart>map(time -> new SourceStart.AtClusterTime(
                        new BsonTimestamp((int) time.seconds(), time.increment())))
                .orElseGet(SourceStart.CopyThenStream::new);
    }
}
