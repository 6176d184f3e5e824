package io.c2csync.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.fakes.FakeClusterAdmin;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.SyncState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled control plane with its file store: restarts come back from the file. */
class ControlPlaneTest {
    @TempDir
    Path directory;

    private final SyncHarness harness = new SyncHarness();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private ControlPlaneOptions options() {
        return ControlPlaneOptions.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                directory.resolve("state.json"), "cp-test");
    }

    private ControlPlane start(Clusters clusters) {
        return ControlPlane.start(options(), clusters, harness.pipeline, harness.signals, harness.verification,
                harness.clock);
    }

    private String call(URI base, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (body != null) {
            request.POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aRestartComesBackFromTheStateFile() throws Exception {
        try (ControlPlane first = start(harness.clusters)) {
            assertThat(call(first.apiUri(), "progress", null)).contains("\"state\":\"IDLE\"");
            assertThat(call(first.apiUri(), "start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\","
                    + "\"reversible\":true,\"enableUserWriteBlocking\":true}")).isEqualTo("{\"success\":true}");
            assertThat(call(first.apiUri(), "commit", "{}")).isEqualTo("{\"success\":true}");
            SyncHarness.awaitState(first.coordinator(), SyncState.COMMITTED);
        }

        try (ControlPlane second = start(harness.clusters)) {
            assertThat(second.coordinator().state()).isEqualTo(SyncState.COMMITTED);
            assertThat(call(second.apiUri(), "/page/status", null))
                    .containsPattern("\"history\":\\[\\{\"procedure\":\"start\".*\\},\\{\"procedure\":\"commit\","
                            + "\"source\":\"cluster0\",\"destination\":\"cluster1\",\"startedAt\":\"[^\"]+\",\"finishedAt\":\"[^\"]+\"");
            assertThat(call(second.apiUri(), "/metrics", null)).contains("c2c_sync_state{state=\"COMMITTED\"} 1.0");
            assertThat(call(second.apiUri(), "/", null)).contains("<title>c2c-sync progress</title>");
            assertThat(call(second.apiUri(), "reverse", "{ }")).isEqualTo("{\"success\":true}");
            SyncHarness.awaitState(second.coordinator(), SyncState.RUNNING);
            assertThat(call(second.apiUri(), "progress", null))
                    .contains("\"Source\":\"cluster1: host1:27017\"");
        }
    }

    @Test
    void refusesToRecoverASyncBetweenOtherClusters() throws Exception {
        try (ControlPlane first = start(harness.clusters)) {
            call(first.apiUri(), "start", "{\"source\":\"cluster0\",\"destination\":\"cluster1\"}");
        }
        Clusters swapped = new Clusters(harness.cluster1, harness.cluster0);

        assertThatThrownBy(() -> start(swapped)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never swapped by accident");
    }

    @Test
    void namesAnAddressItCannotBind() {
        try (ControlPlane first = start(harness.clusters)) {
            ControlPlaneOptions taken = ControlPlaneOptions.of(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), first.apiUri().getPort()),
                    directory.resolve("other.json"), "cp-test-2");
            Clusters clusters = new Clusters(new FakeClusterAdmin("cluster0", "a:1", harness.journal),
                    new FakeClusterAdmin("cluster1", "b:1", harness.journal));

            assertThatThrownBy(() -> ControlPlane.start(taken, clusters, harness.pipeline, harness.signals,
                    harness.verification, harness.clock)).hasMessageContaining("cannot bind the API to");
        }
    }
}
