package io.c2csync.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.c2csync.connect.ConnectClient;
import io.c2csync.connect.ConnectState;
import io.c2csync.connect.ConnectorStatus;
import io.c2csync.connector.sink.SinkConnectorConfigs;
import io.c2csync.connector.sink.SinkGroupSpec;
import io.c2csync.connector.source.BuildIndexes;
import io.c2csync.connector.source.SourceConnectorConfigs;
import io.c2csync.connector.source.SourceGroupSpec;
import io.c2csync.connector.source.SourceStart;
import io.c2csync.connector.topics.Marker;
import io.c2csync.connector.topics.MarkerCodec;
import io.c2csync.connector.topics.MarkerKind;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.runtime.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/**
 * One sync group as the control plane would run it: a source and a sink connector whose configs
 * come from the pure config functions. {@link #awaitCaughtUp()} writes the group's heartbeat
 * marker on the source and waits for it on the destination, as the control plane measures lag:
 * markers only ever travel through the change stream (the copy never reads the reserved
 * namespace) and the group's topic has one partition, so everything written before the marker
 * has then been applied. A document of a user collection would not do: a copy restarted after a
 * crash can copy it ahead of the stream events written before it.
 */
final class SyncGroupUnderTest implements AutoCloseable {

    static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(90);

    private final PipelineEnvironment environment;
    private final SyncGroupTopic topic;
    private final NamespaceSelection selection;
    private long heartbeats;

    private SyncGroupUnderTest(PipelineEnvironment environment, SyncGroupTopic topic, NamespaceSelection selection) {
        this.environment = environment;
        this.topic = topic;
        this.selection = selection;
    }

    /** Creates both connectors and waits until they and their tasks run. */
    static SyncGroupUnderTest start(PipelineEnvironment environment, String syncId, String group,
            NamespaceSelection selection, BuildIndexes buildIndexes) {
        return start(environment, syncId, group, selection, selection, buildIndexes);
    }

    /**
     * The groups of one sync (group name to whole databases); every sink knows the whole sync's
     * databases, so renames between the groups are applied.
     */
    static Sync startSync(PipelineEnvironment environment, String syncId, Map<String, List<String>> databasesByGroup) {
        List<String> all = new ArrayList<>();
        databasesByGroup.values().forEach(all::addAll);
        NamespaceSelection sync = PipelineSuite.databases(all.toArray(String[]::new));
        Sync started = new Sync(new LinkedHashMap<>());
        try {
            databasesByGroup.forEach((group, databases) -> started.groups().put(group, start(environment, syncId, group,
                    PipelineSuite.databases(databases.toArray(String[]::new)), sync, BuildIndexes.BEFORE_DATA_COPY)));
            return started;
        } catch (RuntimeException | AssertionError e) {
            started.close();
            throw e;
        }
    }

    /** The running groups of one sync, by group name; closing it deletes every group's connectors. */
    record Sync(Map<String, SyncGroupUnderTest> groups) implements AutoCloseable {
        SyncGroupUnderTest group(String name) {
            return groups.get(name);
        }

        @Override
        public void close() {
            Closer closer = new Closer();
            groups.values().forEach(closer::register);
            closer.close();
        }
    }

    private static SyncGroupUnderTest start(PipelineEnvironment environment, String syncId, String group,
            NamespaceSelection selection, NamespaceSelection syncSelection, BuildIndexes buildIndexes) {
        SyncGroupTopic topic = new SyncGroupTopic(syncId, group);
        SyncGroupUnderTest started = new SyncGroupUnderTest(environment, topic, selection);
        ConnectClient connect = environment.connect();
        connect.create(SinkConnectorConfigs.connectorName(topic), SinkConnectorConfigs.create(
                new SinkGroupSpec(topic, environment.destinationUri(), selection, syncSelection)));
        connect.create(SourceConnectorConfigs.connectorName(topic), SourceConnectorConfigs.create(new SourceGroupSpec(
                topic, environment.sourceUri(), selection, buildIndexes, new SourceStart.CopyThenStream())));
        started.awaitRunning();
        return started;
    }

    static SyncGroupUnderTest start(PipelineEnvironment environment, String syncId, NamespaceSelection selection) {
        return start(environment, syncId, "g0", selection, BuildIndexes.BEFORE_DATA_COPY);
    }

    NamespaceSelection selection() {
        return selection;
    }

    /** Both connectors and their tasks are RUNNING; fails at once with the traces if one FAILED. */
    void awaitRunning() {
        Await.await(topic.name() + " connectors and tasks RUNNING", RUNNING_TIMEOUT)
                .guardedBy(this::failIfFailed)
                .until(() -> connectorNames().stream()
                        .allMatch(name -> environment.connect().status(name).isFully(ConnectState.RUNNING)));
    }

    /** Writes the group's next heartbeat marker on the source and waits until the destination holds it. */
    void awaitCaughtUp() {
        long sequence = ++heartbeats;
        BsonDocument marker = MarkerCodec.encode(
                new Marker(topic.syncId(), topic.group(), MarkerKind.HEARTBEAT, sequence, Instant.now(), null));
        BsonDocument id = new BsonDocument(MarkerCodec.ID, marker.get(MarkerCodec.ID));
        markers(environment.source()).replaceOne(id, marker, new ReplaceOptions().upsert(true));
        MongoCollection<BsonDocument> onDestination = markers(environment.destination());
        Await.await("heartbeat " + sequence + " of " + topic.name() + " on the destination", CATCH_UP_TIMEOUT)
                .guardedBy(this::failIfFailed)
                .until(() -> onDestination.countDocuments(Filters.and(id, Filters.eq(MarkerCodec.SEQUENCE, sequence))) == 1);
    }

    private static MongoCollection<BsonDocument> markers(MongoClient client) {
        return client.getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.MARKERS, BsonDocument.class);
    }

    private void failIfFailed() {
        for (String name : connectorNames()) {
            ConnectorStatus status = statusOrNull(name);
            if (status != null && (status.connector().state() == ConnectState.FAILED
                    || status.tasks().stream().anyMatch(task -> task.state() == ConnectState.FAILED))) {
                throw new AssertionError(name + " failed:" + System.lineSeparator() + status.failureTraces());
            }
        }
    }

    private ConnectorStatus statusOrNull(String name) {
        try {
            return environment.connect().status(name);
        } catch (RuntimeException e) {
            // not yet known to a restarted worker, or the worker is between lives: the wait goes on
            return null;
        }
    }

    private List<String> connectorNames() {
        return List.of(SourceConnectorConfigs.connectorName(topic), SinkConnectorConfigs.connectorName(topic));
    }

    /** Deletes both connectors (the topic stays: names are never reused). */
    @Override
    public void close() {
        Closer closer = new Closer();
        for (String name : connectorNames()) {
            closer.register(() -> environment.connect().delete(name));
        }
        closer.close();
    }
}
