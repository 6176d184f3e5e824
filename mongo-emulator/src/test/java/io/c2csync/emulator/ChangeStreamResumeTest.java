package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** Resume options, post-batch resume tokens, bounded history and awaiting getMores. */
class ChangeStreamResumeTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void resumeAfterAndStartAfterContinueAfterTheGivenEvent() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("resume").getCollection("tokens");
        BsonDocument afterFirst;
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(CLUSTERS.client().watch())) {
            collection.insertMany(List.of(new Document("_id", 1), new Document("_id", 2), new Document("_id", 3)));
            afterFirst = BsonDocument.parse(stream.next(3).get(0).get("_id", Document.class).toJson());
        }
        try (ChangeStreamProbe resumed = ChangeStreamProbe.open(CLUSTERS.client().watch().resumeAfter(afterFirst));
             ChangeStreamProbe started = ChangeStreamProbe.open(CLUSTERS.client().watch().startAfter(afterFirst))) {
            assertThat(ids(resumed.next(2))).containsExactly(2, 3);
            assertThat(ids(started.next(2))).containsExactly(2, 3);
            resumed.assertNoMore();
        }
    }

    @Test
    void startAtOperationTimeIncludesTheWriteAtThatTime() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("resume").getCollection("operationTime");
        BsonTimestamp insertTime;
        try (ClientSession session = CLUSTERS.client().startSession()) {
            collection.insertOne(session, new Document("_id", 1));
            insertTime = session.getOperationTime();
        }
        collection.insertOne(new Document("_id", 2));

        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch().startAtOperationTime(insertTime))) {
            assertThat(ids(stream.next(2))).containsExactly(1, 2);
        }
    }

    @Test
    void everyBatchCarriesAPostBatchResumeTokenThatAdvancesPastFilteredEvents() {
        MongoDatabase database = CLUSTERS.client().getDatabase("resume");
        Document opened = database.runCommand(new Document("aggregate", "watched")
            .append("pipeline", List.of(new Document("$changeStream", new Document()))).append("cursor", new Document()));
        Document firstCursor = opened.get("cursor", Document.class);
        Document firstToken = firstCursor.get("postBatchResumeToken", Document.class);
        assertThat(firstToken.getString("_data")).startsWith("82");

        database.getCollection("unwatched").insertOne(new Document("_id", 1));
        Document more = database.runCommand(new Document("getMore", firstCursor.getLong("id"))
            .append("collection", "watched").append("maxTimeMS", 50));
        Document nextCursor = more.get("cursor", Document.class);

        assertThat(nextCursor.getList("nextBatch", Document.class)).isEmpty();
        String nextToken = nextCursor.get("postBatchResumeToken", Document.class).getString("_data");
        assertThat(nextToken).isGreaterThan(firstToken.getString("_data"));
    }

    @Test
    void heartbeatTokenFromAnIdleStreamResumesWithoutLoss() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("resume").getCollection("heartbeat");
        BsonDocument heartbeat;
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch())) {
            stream.assertNoMore();
            heartbeat = stream.resumeToken();
        }
        collection.insertOne(new Document("_id", "after heartbeat"));

        try (ChangeStreamProbe resumed = ChangeStreamProbe.open(collection.watch().resumeAfter(heartbeat))) {
            assertThat(ids(resumed.next(1))).containsExactly("after heartbeat");
        }
    }

    @Test
    void unknownAndMalformedTokensAreInvalid() {
        BsonDocument unknown = new BsonDocument("_data", new BsonString("82" + "7FFFFFFF00000001" + "2B0404"));
        BsonDocument malformed = new BsonDocument("_data", new BsonString("not a token"));

        assertThatThrownBy(() -> CLUSTERS.client().watch().resumeAfter(unknown).cursor())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(260));
        assertThatThrownBy(() -> CLUSTERS.client().watch().resumeAfter(malformed).cursor())
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(260));
    }

    @Test
    void aTokenOlderThanTheRetainedHistoryIsLost() {
        try (EmulatedReplicaSet cluster = withHistoryOf(3);
             MongoClient smallClient = MongoClients.create(cluster.connectionString())) {
            MongoCollection<Document> collection = smallClient.getDatabase("lost").getCollection("history");
            BsonDocument first;
            try (ChangeStreamProbe stream = ChangeStreamProbe.open(smallClient.watch())) {
                collection.insertOne(new Document("_id", 0));
                first = BsonDocument.parse(stream.next().get("_id", Document.class).toJson());
            }
            insert(collection, 5);

            assertThatThrownBy(() -> smallClient.watch().resumeAfter(first).cursor())
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(286));
        }
    }

    @Test
    void aStreamThatFallsBehindTheRetainedHistoryFailsWithHistoryLost() {
        try (EmulatedReplicaSet cluster = withHistoryOf(2);
             MongoClient smallClient = MongoClients.create(cluster.connectionString());
             ChangeStreamProbe stream = ChangeStreamProbe.open(smallClient.watch())) {
            insert(smallClient.getDatabase("lost").getCollection("behind"), 5);

            assertThatThrownBy(stream::next)
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(286));
        }
    }

    @Test
    void awaitingGetMoreReturnsOnTheNextEventWithoutBlockingOtherConnections() throws Exception {
        MongoDatabase database = CLUSTERS.client().getDatabase("resume");
        Document opened = database.runCommand(new Document("aggregate", "awaited")
            .append("pipeline", List.of(new Document("$changeStream", new Document()))).append("cursor", new Document()));
        long cursorId = opened.get("cursor", Document.class).getLong("id");

        try (MongoClient waiter = MongoClients.create(CLUSTERS.source().connectionString() + "&maxPoolSize=1")) {
            CompletableFuture<Document> getMore = CompletableFuture.supplyAsync(() -> waiter.getDatabase("resume")
                .runCommand(new Document("getMore", cursorId).append("collection", "awaited").append("maxTimeMS", 60_000)));

            for (int i = 0; i < 20; i++) {
                assertThat(CLUSTERS.client().getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
            }
            assertThat(getMore).isNotDone();
            database.getCollection("awaited").insertOne(new Document("_id", "wake"));

            Document reply = getMore.get(20, TimeUnit.SECONDS);
            List<Document> batch = reply.get("cursor", Document.class).getList("nextBatch", Document.class);
            assertThat(batch).singleElement().satisfies(event ->
                assertThat(event.get("documentKey")).isEqualTo(new Document("_id", "wake")));
        }
    }

    @Test
    void getMoreWithNothingToReturnAnswersAnEmptyBatchWhenItsTimeIsUp() {
        MongoDatabase database = CLUSTERS.client().getDatabase("resume");
        Document opened = database.runCommand(new Document("aggregate", "quiet")
            .append("pipeline", List.of(new Document("$changeStream", new Document()))).append("cursor", new Document()));
        long cursorId = opened.get("cursor", Document.class).getLong("id");

        Document reply = database.runCommand(new Document("getMore", cursorId).append("collection", "quiet").append("maxTimeMS", 100));

        Document cursor = reply.get("cursor", Document.class);
        assertThat(cursor.getList("nextBatch", Document.class)).isEmpty();
        assertThat(cursor.getLong("id")).isEqualTo(cursorId);
        assertThat(Optional.ofNullable(cursor.get("postBatchResumeToken"))).isPresent();
    }

    @Test
    void killCursorsEndsAChangeStreamCursor() {
        MongoDatabase database = CLUSTERS.client().getDatabase("resume");
        Document opened = database.runCommand(new Document("aggregate", "killed")
            .append("pipeline", List.of(new Document("$changeStream", new Document()))).append("cursor", new Document()));
        long cursorId = opened.get("cursor", Document.class).getLong("id");

        Document killed = database.runCommand(new Document("killCursors", "killed").append("cursors", List.of(cursorId)));

        assertThat(killed.getList("cursorsKilled", Long.class)).containsExactly(cursorId);
        assertThatThrownBy(() -> database.runCommand(new Document("getMore", cursorId).append("collection", "killed")))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(43));
    }

    @Test
    void clusterWideStreamsOnlyOpenOnAdmin() {
        assertThatThrownBy(() -> CLUSTERS.client().getDatabase("resume").runCommand(new Document("aggregate", 1)
            .append("pipeline", List.of(new Document("$changeStream", new Document("allChangesForCluster", true))))
            .append("cursor", new Document())))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(73));
        List<Document> stages = List.of(new Document("$changeStream", new Document("allChangesForCluster", true)));
        Document opened = CLUSTERS.client().getDatabase("admin").runCommand(new Document("aggregate", 1)
            .append("pipeline", stages).append("cursor", new Document()));
        assertThat(opened.get("cursor", Document.class).getString("ns")).isEqualTo("admin.$cmd.aggregate");
    }

    private static EmulatedReplicaSet withHistoryOf(int events) {
        return EmulatedReplicaSet.start(EmulatorOptions.defaults().withReplicaSetName("small")
            .withHistoryLimits(new EmulatorOptions.HistoryLimits(events, 1024 * 1024)));
    }

    private static void insert(MongoCollection<Document> collection, int count) {
        for (int i = 1; i <= count; i++) {
            collection.insertOne(new Document("_id", i));
        }
    }

    private static List<Object> ids(List<Document> events) {
        return events.stream().map(event -> event.get("documentKey", Document.class).get("_id")).toList();
    }
}
