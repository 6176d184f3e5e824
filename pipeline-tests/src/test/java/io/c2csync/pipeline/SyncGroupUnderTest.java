package io.c2csync.pipeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.c2csync.connect.ConnectClient;
import io.c2csync.connect.ConnectState;
import io.c2csync.connect.ConnectorStatus;
import io.c2csync.connector.sink.SinkConnectorConfigs;
import io.c2csync.connector.sink.SinkGroupSpec;
import io.c2csync.connector.source.BuildIndexes;
import io.c2csync.connector.source.SourceConnectorConfigs;
import io.c2csync.connector.source.SourceGroupSpec;
import io.c2csync.connector.source.SourceStart;
import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.runtime.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One sync group as the control plane would run it: a source and a sink connector whose configs
 * come from the pure config functions, plus a fence database of its own. {@link #awaitCaughtUp()}
 * writes a fence document on the source and waits for it on the destination: the group's topic
 * has one partition, so everything written before the fence has then been applied.
 */
final class SyncGroupUnderTest implements AutoCloseable {

    static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(90);

    private final PipelineEnvironment environment;
    private final SyncGroupTopic topic;
    private final NamespaceSelection selection;
    private final String fenceDatabase;
    private int fences;

    private SyncGroupUnderTest(PipelineEnvironment environment, SyncGroupTopic topic, NamespaceSelection selection,
            String fenceDatabase) {
        this.environment = environment;
        this.topic = topic;
        this.selection = selection;
        this.fenceDatabase = fenceDatabase;
    }

    /** Creates both connectors and waits until they and their tasks run. */
    static SyncGroupUnderTest start(PipelineEnvironment environment, String syncId, String group,
            NamespaceSelection selection, BuildIndexes buildIndexes) {
        NamespaceSelection withFence = withFence(selection, fenceDatabase(syncId, group));
        return start(environment, syncId, group, withFence, withFence, buildIndexes);
    }

    /**
     * The groups of one sync (group name to whole databases), each with its fence database; every
     * sink knows the whole sync's databases, so renames between the groups are applied.
     */
    static Sync startSync(PipelineEnvironment environment, String syncId, Map<String, List<String>> databasesByGroup) {
        List<String> all = new ArrayList<>();
        databasesByGroup.forEach((group, databases) -> {
            all.addAll(databases);
            all.add(fenceDatabase(syncId, group));
        });
        NamespaceSelection sync = PipelineSuite.databases(all.toArray(String[]::new));
        Sync started = new Sync(new LinkedHashMap<>());
        try {
            databasesByGroup.forEach((group, databases) -> started.groups().put(group, start(environment, syncId, group,
                    withFence(PipelineSuite.databases(databases.toArray(String[]::new)), fenceDatabase(syncId, group)),
                    sync, BuildIndexes.BEFORE_DATA_COPY)));
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
        SyncGroupUnderTest started = new SyncGroupUnderTest(environment, topic, selection, fenceDatabase(syncId, group));
        ConnectClient connect = environment.connect();
        connect.create(SinkConnectorConfigs.connectorName(topic), SinkConnectorConfigs.create(
                new SinkGroupSpec(topic, environment.destinationUri(), selection, syncSelection)));
        connect.create(SourceConnectorConfigs.connectorName(topic), SourceConnectorConfigs.create(new SourceGroupSpec(
                topic, environment.sourceUri(), selection, buildIndexes, new SourceStart.CopyThenStream())));
        started.awaitRunning();
        return started;
    }

    private static String fenceDatabase(String syncId, String group) {
        return "fence_" + syncId + "_" + group;
    }

    private static NamespaceSelection withFence(NamespaceSelection selection, String fenceDatabase) {
        List<NamespaceFilter> includes = new ArrayList<>(selection.includes());
        if (!includes.isEmpty()) {
            includes.add(NamespaceFilter.database(fenceDatabase));
        }
        return new NamespaceSelection(includes, selection.excludes());
    }

    static SyncGroupUnderTest start(PipelineEnvironment environment, String syncId, NamespaceSelection selection) {
        return start(environment, syncId, "g0", selection, BuildIndexes.BEFORE_DATA_COPY);
    }

    NamespaceSelection selection() {
        return selection;
    }

    String fenceDatabase() {
        return fenceDatabase;
    }

    /** Both connectors and their tasks are RUNNING; fails at once with the traces if one FAILED. */
    void awaitRunning() {
        Await.await(topic.name() + " connectors and tasks RUNNING", RUNNING_TIMEOUT)
                .guardedBy(this::failIfFailed)
                .until(() -> connectorNames().stream()
                        .allMatch(name -> environment.connect().status(name).isFully(ConnectState.RUNNING)));
    }

    /** Writes the next fence document on the source and waits until the destination holds it. */
    void awaitCaughtUp() {
        int fence = ++fences;
        environment.source().getDatabase(fenceDatabase).getCollection("fence").insertOne(new Document("_id", fence));
        MongoCollection<Document> destinationFence =
                environment.destination().getDatabase(fenceDatabase).getCollection("fence");
        Await.await("fence " + fence + " of " + topic.name() + " on the destination", CATCH_UP_TIMEOUT)
                .guardedBy(this::failIfFailed)
                .until(() -> destinationFence.countDocuments(Filters.eq("_id", fence)) == 1);
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
