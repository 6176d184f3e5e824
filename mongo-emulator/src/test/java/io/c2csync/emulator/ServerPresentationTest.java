package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterType;

/** What a misconfigured cluster looks like: a standalone server, an older MongoDB version. */
class ServerPresentationTest {

    @Test
    void aStandaloneSaysHelloWithoutASetNameAndItsConnectionStringNamesNoReplicaSet() {
        try (EmulatedReplicaSet standalone = EmulatedReplicaSet.start(EmulatorOptions.defaults().asStandalone());
             MongoClient client = MongoClients.create(standalone.connectionString())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(standalone.connectionString()).doesNotContain("replicaSet");
            assertThat(hello).doesNotContainKeys("setName", "hosts", "primary");
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(client.getClusterDescription().getType()).isEqualTo(ClusterType.STANDALONE);
        }
    }

    @Test
    void anOlderVersionIsReportedByBuildInfoAndTheWireVersion() {
        try (EmulatedReplicaSet old = EmulatedReplicaSet.start(EmulatorOptions.defaults().withServerVersion("5.0.24"));
             MongoClient client = MongoClients.create(old.connectionString())) {
            Document buildInfo = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(buildInfo.getString("version")).isEqualTo("5.0.24");
            assertThat(buildInfo.getList("versionArray", Integer.class)).containsExactly(5, 0, 24, 0);
            assertThat(hello.getInteger("maxWireVersion")).isEqualTo(13);
            assertThat(hello.getString("setName")).isEqualTo("rs0");
        }
    }

    @Test
    void aVersionItCannotClaimIsRefused() {
        assertThatThrownBy(() -> EmulatorOptions.defaults().withServerVersion("3.6.0")).hasMessageContaining("3.6.0");
        assertThatThrownBy(() -> EmulatorOptions.defaults().withServerVersion("6")).hasMessageContaining("x.y.z");
    }
}
