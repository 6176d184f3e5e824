package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;

/** Pipeline-style updates of the update command: the pipeline's output replaces each matched document, as an update. */
class PipelineUpdatesTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private static final List<Bson> PIPELINE = List.of(
        new Document("$set", new Document("sum", new Document("$add", List.of("$n", 10)))),
        new Document("$unset", "gone"));

    @Test
    void eachMatchedDocumentBecomesThePipelinesOutputAndIsAnUpdateEvent() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("pipelineUpdates").getCollection("updated");
        collection.insertMany(List.of(new Document("_id", 1).append("n", 1).append("gone", "x"),
            new Document("_id", 2).append("n", 2).append("gone", "y")));
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch())) {
            assertThat(collection.updateOne(Filters.eq("_id", 1), PIPELINE).getModifiedCount()).isEqualTo(1);
            Document update = stream.next();
            assertThat(update.getString("operationType")).isEqualTo("update");
            assertThat(update.get("updateDescription", Document.class))
                .containsEntry("updatedFields", new Document("sum", 11)).containsEntry("removedFields", List.of("gone"));

            assertThat(collection.updateMany(Filters.exists("n"), PIPELINE).getMatchedCount()).isEqualTo(2);
            assertThat(stream.next().get("documentKey")).isEqualTo(new Document("_id", 2));

            collection.updateOne(Filters.eq("_id", 3), PIPELINE, new UpdateOptions().upsert(true));
            Document upsert = stream.next();
            assertThat(upsert.getString("operationType")).isEqualTo("insert");
            assertThat(upsert.get("fullDocument")).isEqualTo(new Document("_id", 3).append("sum", null));
            stream.assertNoMore();
        }
        assertThat(collection.find(Filters.eq("_id", 1)).first()).isEqualTo(new Document("_id", 1).append("n", 1).append("sum", 11));
    }

    @Test
    void stagesOutsideUpdatesAreRefused() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("pipelineUpdates").getCollection("refused");
        collection.insertOne(new Document("_id", 1));

        assertThatThrownBy(() -> collection.updateOne(Filters.eq("_id", 1), List.of(new Document("$match", new Document()))))
            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(72));
        assertThatThrownBy(() -> collection.findOneAndUpdate(Filters.eq("_id", 1), PIPELINE))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(20));
    }
}
