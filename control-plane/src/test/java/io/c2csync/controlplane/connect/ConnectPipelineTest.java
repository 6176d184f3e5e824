package io.c2csync.controlplane.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.connect.ConnectClient;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.ConnectorState;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.StartPoint;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncSpec;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's REST conversation with Connect; the commit markers are covered end to end. */
class ConnectPipelineTest {
    private static final Direction FORWARD = new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1);
    private static final ConnectorPair PAIR = new ConnectorPair(new PairId(1), FORWARD, SyncSpec.defaults(FORWARD),
            StartPoint.initialCopy());
    private static final String SOURCE = "c2c-sync.s1-p1.all.source";
    private static final String SINK = "c2c-sync.s1-p1.all.sink";

    private FakeConnectServer connect;
    private ConnectPipeline pipeline;

    @BeforeEach
    void startConnect() throws Exception {
        connect = new FakeConnectServer();
        pipeline = pipelineOn(connect.url());
    }

    @AfterEach
    void stopConnect() {
        connect.close();
    }

    @Test
    void deployWritesAConfigOnlyWhenItDiffersFromConnects() {
        pipeline.deploy(PAIR);
        assertThat(connect.requests).containsExactly("GET " + SOURCE + "/config", "PUT " + SOURCE + "/config",
                "GET " + SINK + "/config", "PUT " + SINK + "/config");

        connect.requests.clear();
        pipeline.deploy(PAIR);
        assertThat(connect.requests).containsExactly("GET " + SOURCE + "/config", "GET " + SINK + "/config");

        connect.configs.get(SINK).put("tasks.max", "3");
        connect.requests.clear();
        pipeline.deploy(PAIR);
        assertThat(connect.requests).containsExactly("GET " + SOURCE + "/config", "GET " + SINK + "/config",
                "PUT " + SINK + "/config");
        assertThat(connect.configs.get(SINK)).containsEntry("tasks.max", "1");
    }

    @Test
    void statusNamesFailedTasksWithTheFirstLineOfTheirTraceAndMissingConnectors() {
        pipeline.deploy(PAIR);
        connect.configs.remove(SINK);
        connect.statuses.put(SOURCE, "{\"name\":\"" + SOURCE + "\",\"connector\":{\"state\":\"RUNNING\","
                + "\"worker_id\":\"w\"},\"tasks\":[{\"id\":0,\"state\":\"FAILED\",\"worker_id\":\"w\","
                + "\"trace\":\"org.apache.kafka.connect.errors.ConnectException: boom\\n\\tat x.y(Z.java:1)\"}],"
                + "\"type\":\"source\"}");

        assertThat(pipeline.status(PAIR.id()).connectors()).containsExactly(
                new ConnectorStatus(SOURCE, ConnectorState.FAILED, java.util.List.of(
                        new ConnectorStatus.TaskFailure(0, "org.apache.kafka.connect.errors.ConnectException: boom"))),
                new ConnectorStatus(SINK, ConnectorState.MISSING, java.util.List.of()));
    }

    @Test
    void aTaskThatCannotResumeItsChangeStreamIsNamedFromTheCauseInItsTrace() {
        pipeline.deploy(PAIR);
        connect.statuses.put(SOURCE, failedWith("org.apache.kafka.connect.errors.ConnectException: ResumeToken not found."
                + " Cannot create a change stream cursor\\n\\tat x.y(Z.java:1)\\nCaused by: com.mongodb.MongoCommandException:"
                + " Command failed with error 286 (ChangeStreamHistoryLost): 'Resume of change stream was not possible'"));
        connect.statuses.put(SINK, failedWith("org.apache.kafka.connect.errors.ConnectException: boom"));

        assertThat(pipeline.status(PAIR.id()).connectors()).flatExtracting(ConnectorStatus::failedTasks).containsExactly(
                new ConnectorStatus.TaskFailure(0, "org.apache.kafka.connect.errors.ConnectException: ResumeToken not"
                        + " found. Cannot create a change stream cursor", ConnectorStatus.Cause.CHANGE_STREAM_HISTORY_LOST),
                new ConnectorStatus.TaskFailure(0, "org.apache.kafka.connect.errors.ConnectException: boom"));
    }

    @Test
    void restartsOnlyTheConnectorsThatFailed() {
        pipeline.deploy(PAIR);
        connect.statuses.put(SOURCE, failedWith("org.apache.kafka.connect.errors.ConnectException: timed out"));
        connect.statuses.put(SINK, "{\"name\":\"" + SINK + "\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w\"},"
                + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"w\"}],\"type\":\"sink\"}");
        connect.requests.clear();

        pipeline.restartFailed(PAIR.id());

        assertThat(connect.requests).containsExactly("GET " + SOURCE + "/status", "POST " + SOURCE + "/restart",
                "GET " + SINK + "/status");
    }

    private static String failedWith(String trace) {
        return "{\"name\":\"n\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w\"},\"tasks\":[{\"id\":0,"
                + "\"state\":\"FAILED\",\"worker_id\":\"w\",\"trace\":\"" + trace + "\"}],\"type\":\"source\"}";
    }

    @Test
    void aRunningConnectorWithoutTasksIsNotRunningYet() {
        pipeline.deploy(PAIR);
        String noTasks = "{\"name\":\"n\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"w\"},\"tasks\":[]}";
        connect.statuses.put(SOURCE, noTasks);
        connect.statuses.put(SINK, noTasks);
        assertThat(pipeline.status(PAIR.id()).connectors()).extracting(ConnectorStatus::state)
                .containsOnly(ConnectorState.UNASSIGNED);
        assertThat(pipeline.status(PAIR.id()).allRunning()).isFalse();
    }

    @Test
    void pauseResumeAndRemoveTolerateConnectorsThatAreNotThere() {
        pipeline.deploy(PAIR);
        connect.configs.remove(SINK);
        connect.requests.clear();
        pipeline.pause(PAIR.id());
        assertThat(connect.requests).containsExactlyInAnyOrder("PUT " + SOURCE + "/pause", "PUT " + SINK + "/pause");
        connect.requests.clear();
        pipeline.resume(PAIR.id());
        assertThat(connect.requests).containsExactlyInAnyOrder("PUT " + SOURCE + "/resume", "PUT " + SINK + "/resume");
        connect.requests.clear();
        pipeline.remove(PAIR.id());
        pipeline.remove(PAIR.id());
        assertThat(connect.requests).containsExactlyInAnyOrder("DELETE " + SOURCE, "DELETE " + SINK,
                "DELETE " + SOURCE, "DELETE " + SINK);
        assertThat(connect.configs).isEmpty();
    }

    @Test
    void anUnreachableConnectIsConnectUnavailable() {
        connect.close();
        assertThatThrownBy(() -> pipeline.status(PAIR.id()))
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.error()).isEqualTo(SyncError.CONNECT_UNAVAILABLE);
                    assertThat(e.description()).contains(connect.url().toString());
                });
    }

    private static ConnectPipeline pipelineOn(URI url) {
        return new ConnectPipeline(new ConnectClient(url, Duration.ofSeconds(5)), new PairTopics("s1"),
                ClusterSecrets.fromWorkerEnvironment(), null);
    }
}
