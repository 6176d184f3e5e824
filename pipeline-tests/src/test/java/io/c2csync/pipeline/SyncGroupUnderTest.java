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
import java.util.List;
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
        SyncGroupTopic topic = new SyncGroupTopic(syncId, group);
        String fenceDatabase = "fence_" + syncId + "_" + group;
        List<NamespaceFilter> includes = new ArrayList<>(selection.includes());
        if (!includes.isEmpty()) {
            includes.add(NamespaceFilter.database(fenceDatabase));
        }
        NamespaceSelection withFence = new NamespaceSelection(includes, selection.excludes());
        SyncGroupUnderTest started = new SyncGroupUnderTest(environment, topic, withFence, fenceDatabase);
        ConnectClient connect = environment.connect();
        connect.create(SinkConnectorConfigs.connectorName(topic),
                SinkConnectorConfigs.create(new SinkGroupSpec(topic, environment.destinationUri(), withFence)));
        connect.create(SourceConnectorConfigs.connectorName(topic), SourceConnectorConfigs.create(new SourceGroupSpec(
                topic, environment.sourceUri(), withFence, buildIndexes, new SourceStart.CopyThenStream())));
        started.awaitRunning();
        return started;
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
