package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.connect.ConnectorPlugin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRuntimeTest {

    @TempDir
    Path workDir;

    @Test
    void startsBrokerAndWorkerWithOurPluginsAndLeavesNoProcessAfterClose() throws Exception {
        List<ProcessHandle> started;
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(RuntimeConfig.defaults(workDir))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    runtime.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("lifecycle-check", 1, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("lifecycle-check");
            }
            assertThat(runtime.connectClient().connectorPlugins())
                    .extracting(ConnectorPlugin::className)
                    .contains("com.mongodb.kafka.connect.MongoSourceConnector",
                            "com.mongodb.kafka.connect.MongoSinkConnector");

            started = runtime.processes();
            assertThat(started).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
            assertThat(started).extracting(ProcessHandle::pid)
                    .contains(runtime.brokerProcess().pid(), runtime.workerProcess().pid());
            assertThat(runtime.runDir()).isDirectoryContaining(path -> path.endsWith("broker.log"))
                    .isDirectoryContaining(path -> path.endsWith("connect.log"));
            assertThat(Files.readString(runtime.workerProcess().logFile())).contains("Kafka Connect started");
        }
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();
    }

    @Test
    void restartWorkerKillsTheWorkerAndStartsAnotherOnTheSameRestUrl() {
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(RuntimeConfig.defaults(workDir))) {
            ChildProcess crashed = runtime.workerProcess();
            java.net.URI restUrl = runtime.connectUrl();

            runtime.restartWorker();

            assertThat(crashed.isAlive()).isFalse();
            assertThat(runtime.workerProcess().pid()).isNotEqualTo(crashed.pid());
            assertThat(runtime.workerProcess().isAlive()).isTrue();
            assertThat(runtime.connectUrl()).isEqualTo(restUrl);
            assertThat(runtime.connectClient().connectors()).isEmpty();
            assertThat(runtime.gaveUp()).isNotDone();
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();
    }

    @Test
    void brokerThatCannotStartFailsWithItsLastLogLinesAndLeavesNoProcess() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
            RuntimeConfig config = RuntimeConfig.defaults(workDir).withPorts(0, taken.getLocalPort(), 0);

            assertThatThrownBy(() -> EmbeddedRuntime.start(config))
                    .isInstanceOf(ChildProcessException.class)
                    .hasMessageContaining("Kafka broker exited with code")
                    .hasMessageContaining("Last 30 lines of")
                    .hasMessageContaining("broker.log")
                    .hasMessageContaining("Unable to start acceptor for CONTROLLER");
        }
        assertThat(ChildProcesses.mentioning(workDir)).isEmpty();
    }
}
