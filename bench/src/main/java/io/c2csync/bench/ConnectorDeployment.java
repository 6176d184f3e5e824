package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.c2csync.connect.ConnectClient;
import io.c2csync.connector.sink.SinkConnectorConfigs;
import io.c2csync.connector.sink.SinkGroupSpec;
import io.c2csync.connector.source.BuildIndexes;
import io.c2csync.connector.source.SourceConnectorConfigs;
import io.c2csync.connector.source.SourceGroupSpec;
import io.c2csync.connector.source.SourceStart;
import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;

/**
 * c2c-sync without the control plane: per sync group, our source and sink connectors from the pure config
 * functions, posted to the worker; connection strings reach the worker through a properties file read by its
 * FileConfigProvider. The copy is done when the destination holds every document.
 */
public final class ConnectorDeployment implements C2cDeployment {

    private static final String SOURCE_KEY = "source.uri";
    private static final String DESTINATION_KEY = "destination.uri";

    private final Clusters clusters;
    private final ConnectClient connect;
    private final Path secrets;

    public ConnectorDeployment(Clusters clusters, ConnectClient connect, Path workDir) {
        this.clusters = clusters;
        this.connect = connect;
        this.secrets = workDir.resolve("clusters.properties").toAbsolutePath();
        write(secrets, SOURCE_KEY + "=" + clusters.source().connectionString() + "\n"
            + DESTINATION_KEY + "=" + clusters.destination().connectionString() + "\n");
    }

    @Override
    public RunningSync start(SyncPlan plan) {
        ConnectorSet connectors = new ConnectorSet(connect);
        for (int g = 0; g < plan.groups().size(); g++) {
            SyncGroupTopic topic = new SyncGroupTopic(plan.syncId(), "g" + g);
            NamespaceSelection selection = new NamespaceSelection(
                plan.groups().get(g).stream().map(NamespaceFilter::database).toList(), List.of());
            connectors.create(SourceConnectorConfigs.connectorName(topic), SourceConnectorConfigs.create(new SourceGroupSpec(
                topic, SecretReference.file(secrets.toString(), SOURCE_KEY), selection, BuildIndexes.AFTER_DATA_COPY,
                new SourceStart.CopyThenStream())));
            connectors.create(SinkConnectorConfigs.connectorName(topic), SinkConnectorConfigs.create(new SinkGroupSpec(
                topic, SecretReference.file(secrets.toString(), DESTINATION_KEY), selection)));
        }
        return new RunningSync() {
            @Override
            public void awaitCopied(Dataset dataset, Duration timeout) {
                connectors.await("c2c-sync copy of " + dataset.label(), timeout,
                    () -> DestinationCounts.complete(clusters.destinationClient(), dataset));
            }

            @Override
            public void ensureHealthy() {
                connectors.ensureNoneFailed();
            }

            @Override
            public void close() {
                connectors.close();
            }
        };
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
