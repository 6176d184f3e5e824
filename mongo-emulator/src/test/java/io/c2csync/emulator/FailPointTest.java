package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** The failCommand fail point: error codes, closed connections and blocked connections. */
class FailPointTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @AfterEach
    void switchOff() {
        CLUSTERS.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off"));
    }

    @Test
    void failsTheChosenCommandTheGivenNumberOfTimes() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("failpoints").getCollection("times");
        failCommand(new Document("times", 1), new Document("failCommands", List.of("count", "aggregate")).append("errorCode", 2));

        assertThatThrownBy(collection::countDocuments)
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
        assertThat(collection.countDocuments()).isZero();
    }

    @Test
    void aClosedConnectionIsRetriedAndTheWriteHappensOnce() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("failpoints").getCollection("retried");
        failCommand(new Document("times", 1), new Document("failCommands", List.of("insert")).append("closeConnection", true));

        collection.insertOne(new Document("_id", 1));

        assertThat(timesEntered()).isEqualTo(1);
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void retryableErrorCodesAreLabelledSoDriversRetryWrites() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("failpoints").getCollection("labelled");
        failCommand(new Document("times", 1), new Document("failCommands", List.of("insert")).append("errorCode", 91));

        collection.insertOne(new Document("_id", 1));

        assertThat(timesEntered()).isEqualTo(1);
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void aChangeStreamResumesAfterAResumableGetMoreError() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("failpoints").getCollection("resumed");
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch())) {
            collection.insertOne(new Document("_id", "before"));
            assertThat(stream.next().get("documentKey")).isEqualTo(new Document("_id", "before"));
            failCommand(new Document("times", 1), new Document("failCommands", List.of("getMore")).append("errorCode", 91));
            collection.insertOne(new Document("_id", "after"));

            assertThat(stream.next().get("documentKey")).isEqualTo(new Document("_id", "after"));
            stream.assertNoMore();
            assertThat(timesEntered()).isEqualTo(1);
        }
    }

    @Test
    void aBlockedConnectionDoesNotBlockOthers() throws Exception {
        failCommand(new Document("times", 1), new Document("failCommands", List.of("ping"))
            .append("blockConnection", true).append("blockTimeMS", 2000));
        CountDownLatch pingSent = new CountDownLatch(1);
        MongoClientSettings settings = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(CLUSTERS.source().connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("ping")) {
                        pingSent.countDown();
                    }
                }
            })
            .build();
        try (MongoClient blocked = MongoClients.create(settings)) {
            CompletableFuture<Document> ping = CompletableFuture.supplyAsync(
                () -> blocked.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertThat(pingSent.await(20, TimeUnit.SECONDS)).isTrue();

            assertThat(CLUSTERS.client().getDatabase("failpoints").getCollection("other").countDocuments()).isZero();
            assertThat(ping).isNotDone();
            assertThat(ping.get(20, TimeUnit.SECONDS).get("ok")).isEqualTo(1.0);
        }
    }

    @Test
    void writeConcernErrorsComeAfterTheWriteAndRetryableOnesAreRetriedOnce() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("failpoints").getCollection("writeConcern");
        failCommand(new Document("times", 1), new Document("failCommands", List.of("insert"))
            .append("writeConcernError", new Document("code", 91).append("errmsg", "Replication is being shut down")));
        collection.insertOne(new Document("_id", 1));
        assertThat(timesEntered()).isEqualTo(1);

        failCommand(new Document("times", 1), new Document("failCommands", List.of("insert"))
            .append("writeConcernError", new Document("code", 64).append("errmsg", "waiting for replication timed out")));
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", 2)))
            .isInstanceOfSatisfying(MongoWriteConcernException.class, e -> assertThat(e.getCode()).isEqualTo(64));

        assertThat(collection.countDocuments()).isEqualTo(2);
    }

    @Test
    void anAppNameLimitsTheFailPointToThatApplicationsConnections() {
        failCommand(new Document("times", 1), new Document("failCommands", List.of("ping")).append("errorCode", 2)
            .append("appName", "the-failing-app"));
        MongoClientSettings failing = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(CLUSTERS.source().connectionString()))
            .applicationName("the-failing-app")
            .build();

        assertThat(CLUSTERS.client().getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
        try (MongoClient app = MongoClients.create(failing)) {
            assertThatThrownBy(() -> app.getDatabase("admin").runCommand(new Document("ping", 1)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
        }
    }

    @Test
    void onlyFailCommandExistsAndOnlyOnAdmin() {
        assertThatThrownBy(() -> CLUSTERS.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "other").append("mode", "alwaysOn")))
            .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(2));
        assertThatThrownBy(() -> CLUSTERS.client().getDatabase("failpoints").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off")))
            .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(13));
    }

    private static long timesEntered() {
        return ((Number) CLUSTERS.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
            .append("mode", "off")).get("count")).longValue();
    }

    private static void failCommand(Document mode, Document data) {
        CLUSTERS.client().getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", mode).append("data", data));
    }
}
