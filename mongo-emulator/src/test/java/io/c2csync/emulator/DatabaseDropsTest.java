package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** dropDatabase while another client writes into the database: its event comes after every write it dropped. */
class DatabaseDropsTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void noWriteLandsBetweenTheCollectionDropsAndTheDropDatabaseEvent() throws Exception {
        MongoDatabase database = CLUSTERS.client().getDatabase("dropsUnderWrites");
        MongoCollection<Document> writes = database.getCollection("writes");
        writes.insertOne(new Document("_id", -1));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        // cluster-wide: a stream on the database itself ends with the drop
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(CLUSTERS.client().watch().showExpandedEvents(true))) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    writes.insertOne(new Document("_id", written.getAndIncrement()));
                }
            });
            while (written.get() < 200) {
                Thread.onSpinWait();
            }
            database.drop();
            int atDrop = written.get();
            while (written.get() < atDrop + 200) {
                Thread.onSpinWait();
            }
            running.set(false);
            writer.get(20, TimeUnit.SECONDS);

            List<Integer> survivors = writes.find().map(document -> document.getInteger("_id")).into(new ArrayList<>());
            int last = survivors.stream().mapToInt(Integer::intValue).max().orElseThrow();
            List<Document> events = new ArrayList<>();
            while (events.isEmpty() || !isInsertOf(events.get(events.size() - 1), last)) {
                events.add(stream.next());
            }
            int dropDatabase = indexOf(events, "dropDatabase");
            assertThat(dropDatabase).isNotNegative();
            assertThat(events.subList(0, dropDatabase)).filteredOn(event -> event.getString("operationType").equals("insert"))
                .extracting(event -> event.get("documentKey", Document.class).getInteger("_id"))
                .doesNotContainAnyElementsOf(survivors);
            assertThat(survivors).isNotEmpty();
        }
    }

    private static boolean isInsertOf(Document event, int id) {
        return event.getString("operationType").equals("insert") && event.get("documentKey", Document.class).getInteger("_id") == id;
    }

    private static int indexOf(List<Document> events, String operationType) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getString("operationType").equals(operationType)) {
                return i;
            }
        }
        return -1;
    }
}
