package io.c2csync.controlplane.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The driver plumbing against stock mongo-java-server, which answers ping but none of the
 * replica-set commands; those are covered by {@link ClusterResponsesTest} until the emulator lands.
 */
class MongoClusterAdminTest {
    @Test
    void pingsAServerAndShowsItsAddress() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClusterAdmin admin = MongoClusterAdmin.connect("mongodb://127.0.0.1:" + address.getPort())) {
            assertThat(admin.pingMillis()).isNotNegative();
            assertThat(admin.displayAddress()).isEqualTo("127.0.0.1:" + address.getPort());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void anUnreachableServerIsClusterUnreachable() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        int port = server.getLocalAddress().getPort();
        server.shutdownNow();

        try (MongoClusterAdmin admin = MongoClusterAdmin.connect("mongodb://127.0.0.1:" + port, Duration.ofMillis(500))) {
            assertThatThrownBy(admin::pingMillis).isInstanceOfSatisfying(SyncException.class, e -> {
                assertThat(e.error()).isEqualTo(SyncError.CLUSTER_UNREACHABLE);
                assertThat(e.description()).startsWith("ping on 127.0.0.1:" + port + " failed: cannot reach the cluster");
            });
        }
    }
}
