package io.c2csync.controlplane.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class MongoErrorsTest {
    private static SyncError classified(MongoException e) {
        RuntimeException result = MongoErrors.classify("h1:27017", "ping", e);
        assertThat(result).isInstanceOf(SyncException.class).hasMessageStartingWith("ping on h1:27017 failed: ")
                .hasCause(e);
        return ((SyncException) result).error();
    }

    private static MongoCommandException commandError(int code) {
        return new MongoCommandException(BsonDocument.parse(
                "{\"ok\":0,\"code\":" + code + ",\"errmsg\":\"no\",\"codeName\":\"X\"}"), new ServerAddress("h1"));
    }

    @Test
    void anUnreachableClusterIsClusterUnreachable() {
        assertThat(classified(new MongoTimeoutException("timed out"))).isEqualTo(SyncError.CLUSTER_UNREACHABLE);
        assertThat(classified(new MongoSocketException("reset", new ServerAddress("h1"))))
                .isEqualTo(SyncError.CLUSTER_UNREACHABLE);
    }

    /** A find failing with HostUnreachable (6) answered /progress with a 500 instead of a warning. */
    @Test
    void aServerReplyOfAnUnreachableHostIsClusterUnreachable() {
        assertThat(classified(commandError(6))).isEqualTo(SyncError.CLUSTER_UNREACHABLE);
        assertThat(classified(commandError(89))).isEqualTo(SyncError.CLUSTER_UNREACHABLE);
    }

    @Test
    void aMissingPrivilegeIsInsufficientPrivileges() {
        assertThat(classified(commandError(MongoErrors.UNAUTHORIZED))).isEqualTo(SyncError.INSUFFICIENT_PRIVILEGES);
    }

    @Test
    void anUnknownCommandMeansTheServerIsTooOld() {
        assertThat(classified(commandError(MongoErrors.COMMAND_NOT_FOUND)))
                .isEqualTo(SyncError.UNSUPPORTED_SERVER_VERSION);
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        MongoCommandException other = commandError(11000);
        assertThat(MongoErrors.classify("h1:27017", "ping", other)).isSameAs(other);
    }
}
