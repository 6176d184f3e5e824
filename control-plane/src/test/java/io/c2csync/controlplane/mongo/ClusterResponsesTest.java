package io.c2csync.controlplane.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.sync.ClusterAction;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ServerVersion;
import java.util.EnumSet;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class ClusterResponsesTest {
    private static final String SYNC_USER = "\"authenticatedUsers\":[{\"user\":\"sync\",\"db\":\"admin\"}]";

    @Test
    void readsTheVersion() {
        assertThat(ClusterResponses.version(BsonDocument.parse("{\"version\":\"6.0.14\",\"ok\":1}")))
                .isEqualTo(new ServerVersion(6, 0));
        assertThat(ClusterResponses.version(BsonDocument.parse("{\"version\":\"7.3.0-rc2\"}")))
                .isEqualTo(new ServerVersion(7, 3));
        assertThatThrownBy(() -> ClusterResponses.version(BsonDocument.parse("{\"ok\":1}")))
                .hasMessageContaining("buildInfo has no version");
    }

    @Test
    void recognisesAReplicaSetOrAMongos() {
        assertThat(ClusterResponses.isReplicaSet(BsonDocument.parse("{\"isWritablePrimary\":true,\"setName\":\"rs0\"}")))
                .isTrue();
        assertThat(ClusterResponses.isReplicaSet(BsonDocument.parse("{\"msg\":\"isdbgrid\"}"))).isTrue();
        assertThat(ClusterResponses.isReplicaSet(BsonDocument.parse("{\"isWritablePrimary\":true}"))).isFalse();
    }

    @Test
    void withoutAuthenticationEveryActionIsAllowed() {
        assertThat(ClusterResponses.grantedActions(BsonDocument.parse(
                "{\"authInfo\":{\"authenticatedUsers\":[],\"authenticatedUserRoles\":[]},\"ok\":1}")))
                .isEqualTo(EnumSet.allOf(ClusterAction.class));
    }

    @Test
    void countsNamespaceActionsOnEveryNamespaceAndBlockingActionsOnTheCluster() {
        BsonDocument status = BsonDocument.parse("{\"authInfo\":{" + SYNC_USER + ",\"authenticatedUserPrivileges\":["
                + "{\"resource\":{\"db\":\"\",\"collection\":\"\"},\"actions\":[\"find\",\"changeStream\",\"insert\"]},"
                + "{\"resource\":{\"db\":\"shop\",\"collection\":\"\"},\"actions\":[\"remove\"]},"
                + "{\"resource\":{\"cluster\":true},\"actions\":[\"setUserWriteBlockMode\",\"bypassWriteBlockingMode\","
                + "\"listDatabases\"]},"
                + "{\"resource\":{\"db\":\"\",\"collection\":\"\"},\"actions\":[\"bypassWriteBlockingMode\"]}]}}");

        assertThat(ClusterResponses.grantedActions(status)).containsExactlyInAnyOrder(ClusterAction.FIND,
                ClusterAction.CHANGE_STREAM, ClusterAction.INSERT, ClusterAction.SET_USER_WRITE_BLOCK_MODE,
                ClusterAction.BYPASS_WRITE_BLOCKING_MODE);
    }

    @Test
    void anyResourceGrantsEverything() {
        BsonDocument status = BsonDocument.parse("{\"authInfo\":{" + SYNC_USER + ",\"authenticatedUserPrivileges\":["
                + "{\"resource\":{\"anyResource\":true},\"actions\":[\"setUserWriteBlockMode\",\"dropIndex\"]}]}}");

        assertThat(ClusterResponses.grantedActions(status))
                .containsExactlyInAnyOrder(ClusterAction.SET_USER_WRITE_BLOCK_MODE, ClusterAction.DROP_INDEX);
    }

    @Test
    void anyActionGrantsEveryActionItsResourceCovers() {
        BsonDocument everywhere = BsonDocument.parse("{\"authInfo\":{" + SYNC_USER + ",\"authenticatedUserPrivileges\":["
                + "{\"resource\":{\"anyResource\":true},\"actions\":[\"anyAction\"]}]}}");
        BsonDocument onOneDatabase = BsonDocument.parse("{\"authInfo\":{" + SYNC_USER + ",\"authenticatedUserPrivileges\":["
                + "{\"resource\":{\"db\":\"shop\",\"collection\":\"\"},\"actions\":[\"anyAction\"]}]}}");

        assertThat(ClusterResponses.grantedActions(everywhere)).containsExactlyInAnyOrder(ClusterAction.values());
        assertThat(ClusterResponses.grantedActions(onOneDatabase)).isEmpty();
    }

    @Test
    void ignoresSystemAndReservedDatabases() {
        BsonDocument onlySystem = BsonDocument.parse("{\"databases\":[{\"name\":\"admin\"},{\"name\":\"config\"},"
                + "{\"name\":\"local\"},{\"name\":\"__c2c_sync\"}],\"ok\":1}");
        BsonDocument withShop = BsonDocument.parse("{\"databases\":[{\"name\":\"admin\"},{\"name\":\"shop\"}]}");

        assertThat(ClusterResponses.userDatabaseNames(onlySystem)).isEmpty();
        assertThat(ClusterResponses.userDatabaseNames(withShop)).containsExactly("shop");
    }

    @Test
    void readsTheClusterTimeOfAReply() {
        assertThat(ClusterResponses.clusterTime(BsonDocument.parse(
                "{\"ok\":1,\"operationTime\":{\"$timestamp\":{\"t\":1700000000,\"i\":5}},"
                        + "\"$clusterTime\":{\"clusterTime\":{\"$timestamp\":{\"t\":1700000001,\"i\":1}}}}")))
                .isEqualTo(new ClusterTime(1_700_000_000L, 5));
        assertThat(ClusterResponses.clusterTime(BsonDocument.parse(
                "{\"ok\":1,\"$clusterTime\":{\"clusterTime\":{\"$timestamp\":{\"t\":1700000001,\"i\":1}}}}")))
                .isEqualTo(new ClusterTime(1_700_000_001L, 1));
        assertThatThrownBy(() -> ClusterResponses.clusterTime(BsonDocument.parse("{\"ok\":1}")))
                .hasMessageContaining("is the cluster a replica set?");
    }
}
