package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/** find and aggregate results come in MongoDB's batches: 101 first, batchSize honoured, 16 MiB at most. */
class QueryCursorTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private static MongoCollection<Document> numbers;

    @BeforeAll
    static void fill() {
        numbers = CLUSTERS.client().getDatabase("cursors").getCollection("numbers");
        numbers.insertMany(IntStream.range(0, 250).mapToObj(i -> new Document("_id", i)).toList());
    }

    @Test
    void findSendsAFirstBatchOf101AndTheRestOnGetMore() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cursors");
        Document reply = database.runCommand(new Document("find", "numbers"));
        Document cursor = reply.get("cursor", Document.class);

        assertThat(cursor.getList("firstBatch", Document.class)).hasSize(101);
        assertThat(cursor.getLong("id")).isNotZero();
        Document more = database.runCommand(new Document("getMore", cursor.getLong("id")).append("collection", "numbers"));
        assertThat(more.get("cursor", Document.class).getList("nextBatch", Document.class)).hasSize(149);
        assertThat(more.get("cursor", Document.class).getLong("id")).isZero();
    }

    @Test
    void iteratingWithABatchSizeReturnsEveryDocumentOnce() {
        List<Object> ids = numbers.find().sort(Sorts.ascending("_id")).batchSize(7).map(document -> document.get("_id")).into(new ArrayList<>());

        assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 250).boxed().map(Object.class::cast).toList());
    }

    @Test
    void aggregateResultsAreBatchedToo() {
        Document reply = CLUSTERS.client().getDatabase("cursors").runCommand(new Document("aggregate", "numbers")
            .append("pipeline", List.of(new Document("$match", new Document()))).append("cursor", new Document("batchSize", 50)));

        assertThat(reply.get("cursor", Document.class).getList("firstBatch", Document.class)).hasSize(50);
        assertThat(numbers.aggregate(List.of(new Document("$sort", new Document("_id", -1)))).into(new ArrayList<>())).hasSize(250);
    }

    @Test
    void batchesStayUnder16MiB() {
        MongoCollection<Document> large = CLUSTERS.client().getDatabase("cursors").getCollection("large");
        String megabyte = "x".repeat(1024 * 1024);
        for (int i = 0; i < 20; i++) {
            large.insertOne(new Document("_id", i).append("payload", megabyte));
        }

        Document reply = CLUSTERS.client().getDatabase("cursors").runCommand(new Document("find", "large"));

        int firstBatch = reply.get("cursor", Document.class).getList("firstBatch", Document.class).size();
        assertThat(firstBatch).isBetween(1, 15);
        assertThat(large.find().into(new ArrayList<>())).hasSize(20);
    }

    @Test
    void killCursorsEndsAQueryCursor() {
        MongoDatabase database = CLUSTERS.client().getDatabase("cursors");
        long id = database.runCommand(new Document("find", "numbers")).get("cursor", Document.class).getLong("id");

        Document killed = database.runCommand(new Document("killCursors", "numbers").append("cursors", List.of(id)));

        assertThat(killed.getList("cursorsKilled", Long.class)).containsExactly(id);
    }
}
