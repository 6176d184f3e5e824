package io.c2csync.controlplane.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.connector.topics.SecretReference;
import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.IndexBuild;
import io.c2csync.controlplane.sync.NamePattern;
import io.c2csync.controlplane.sync.NamespaceFilter;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.StartPoint;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.WriteBlocking;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorConfigFactoryTest {
    private static final ClusterSecrets SECRETS = new ClusterSecrets(
            SecretReference.file("/secrets/clusters.properties", "cluster0.uri"), SecretReference.env("C1"));
    private static final ConnectorConfigFactory FACTORY = new ConnectorConfigFactory(new PairTopics("s1"), SECRETS);
    private static final Direction FORWARD = new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1);

    @Test
    void theFirstPairCopiesFromTheSourceIntoTheDestinationThroughItsOwnTopic() {
        SyncSpec spec = new SyncSpec(FORWARD, false, WriteBlocking.DESTINATION_ONLY,
                List.of(new NamespaceFilter("shop", List.of("orders"), null, null)),
                List.of(new NamespaceFilter(null, null, new NamePattern("^tmp", "i"), null)),
                IndexBuild.BEFORE_DATA_COPY, true);
        List<DesiredConnector> connectors = FACTORY.configs(
                new ConnectorPair(new PairId(1), FORWARD, spec, StartPoint.initialCopy()));

        assertThat(connectors).extracting(DesiredConnector::name)
                .containsExactly("c2c-sync.s1-p1.all.source", "c2c-sync.s1-p1.all.sink");
        DesiredConnector source = connectors.get(0);
        assertThat(source.config())
                .containsEntry("connection.uri", "${file:/secrets/clusters.properties:cluster0.uri}")
                .containsEntry("startup.mode", "copy_existing")
                .containsEntry("topic.namespace.map", "{\"*\": \"c2c-sync.s1-p1.all\"}")
                .containsEntry("c2c.build.indexes", "beforeDataCopy");
        assertThat(source.config().get("c2c.include.namespaces")).contains("\"shop\"", "\"orders\"");
        assertThat(source.config().get("c2c.exclude.namespaces")).contains("^tmp");
        assertThat(connectors.get(1).config())
                .containsEntry("connection.uri", "${env:C1}")
                .containsEntry("topics", "c2c-sync.s1-p1.all")
                .containsEntry("c2c.include.namespaces", source.config().get("c2c.include.namespaces"));
    }

    @Test
    void aReversedPairStreamsFromTheOldDestinationAtTheRecordedTimeWithoutACopy() {
        Direction reversed = FORWARD.reversed();
        List<DesiredConnector> connectors = FACTORY.configs(new ConnectorPair(new PairId(2), reversed,
                SyncSpec.defaults(FORWARD), StartPoint.at(new ClusterTime(1_700_000_123L, 7))));

        DesiredConnector source = connectors.get(0);
        assertThat(source.name()).isEqualTo("c2c-sync.s1-p2.all.source");
        assertThat(source.config())
                .containsEntry("connection.uri", "${env:C1}")
                .containsEntry("startup.mode", "timestamp")
                .containsEntry("startup.mode.timestamp.start.at.operation.time",
                        "{\"$timestamp\": {\"t\": 1700000123, \"i\": 7}}");
        assertThat(connectors.get(1).config())
                .containsEntry("connection.uri", "${file:/secrets/clusters.properties:cluster0.uri}");
    }

    @Test
    void aSyncIsSplitIntoAGroupPerDatabaseAndEverySinkKnowsTheWholeSync() {
        SyncSpec spec = SyncSpec.defaults(FORWARD);
        SyncRecord record = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec, List.of("shop", "hr"));
        ConnectorConfigFactory factory = new ConnectorConfigFactory(new PairTopics("s1", () -> Optional.of(record)),
                SECRETS);

        List<DesiredConnector> connectors = factory.configs(record.currentPair());

        assertThat(connectors).extracting(DesiredConnector::name).containsExactly(
                "c2c-sync.s1-p1.db-hr.source", "c2c-sync.s1-p1.db-hr.sink",
                "c2c-sync.s1-p1.db-shop.source", "c2c-sync.s1-p1.db-shop.sink",
                "c2c-sync.s1-p1.other.source", "c2c-sync.s1-p1.other.sink");
        assertThat(connectors.get(2).config()).containsEntry("c2c.include.namespaces", "[{\"database\": \"shop\"}]");
        assertThat(connectors.get(3).config())
                .containsEntry("c2c.include.namespaces", "[{\"database\": \"shop\"}]")
                .containsEntry("c2c.sync.include.namespaces", "[]")
                .containsEntry("c2c.sync.exclude.namespaces", "[]");
        assertThat(connectors.get(5).config().get("c2c.exclude.namespaces")).contains("\"hr\"", "\"shop\"");
        assertThat(new PairTopics("s1", () -> Optional.of(record)).connectorNames(new PairId(2)))
                .contains("c2c-sync.s1-p2.db-shop.sink", "c2c-sync.s1-p2.other.source");
    }

    @Test
    void connectsAddedNameDoesNotCountAsADifference() {
        DesiredConnector desired = FACTORY.configs(new ConnectorPair(new PairId(1), FORWARD,
                SyncSpec.defaults(FORWARD), StartPoint.initialCopy())).get(1);
        java.util.Map<String, String> actual = new java.util.HashMap<>(desired.config());
        actual.put("name", desired.name());
        assertThat(desired.matches(actual)).isTrue();
        actual.put("tasks.max", "2");
        assertThat(desired.matches(actual)).isFalse();
    }
}
