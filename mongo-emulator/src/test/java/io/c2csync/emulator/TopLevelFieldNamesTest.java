package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.FullDocument;

/**
 * Documents with dotted or $-prefixed top-level field names (MongoDB 5.0+) keep them through updates of other fields
 * and replacements.
 */
class TopLevelFieldNamesTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    @Test
    void updatesOfOtherFieldsKeepTheDottedFieldInPlace() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("dotted").getCollection("updates");
        collection.insertMany(List.of(new Document("_id", 1).append("a.b", 1).append("x", 1), new Document("_id", 2).append("x", 1)));
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch().fullDocument(FullDocument.UPDATE_LOOKUP))) {
            collection.updateOne(Filters.eq("_id", 1), Updates.set("x", 2));
            Document update = stream.next();
            assertThat(update.get("updateDescription", Document.class).get("updatedFields")).isEqualTo(new Document("x", 2));
            assertThat(update.get("fullDocument")).isEqualTo(new Document("_id", 1).append("a.b", 1).append("x", 2));

            collection.updateMany(Filters.exists("x"), Updates.inc("x", 10));
            assertThat(stream.next(2)).extracting(event -> event.get("documentKey")).containsExactly(new Document("_id", 1), new Document("_id", 2));
        }
        assertThat(collection.find(Filters.eq("_id", 1)).first().keySet()).containsExactly("_id", "a.b", "x");

        collection.updateOne(Filters.eq("_id", 1), Updates.set("a.b", 5));
        assertThat(collection.find(Filters.eq("_id", 1)).first())
            .isEqualTo(new Document("_id", 1).append("a.b", 1).append("x", 12).append("a", new Document("b", 5)));

        Document before = collection.findOneAndUpdate(Filters.eq("_id", 1), Updates.unset("x"));
        assertThat(before).containsEntry("a.b", 1).containsEntry("x", 12);
        Document after = collection.findOneAndUpdate(Filters.eq("_id", 1), Updates.set("y", 1),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(after).isEqualTo(new Document("_id", 1).append("a.b", 1).append("a", new Document("b", 5)).append("y", 1));
    }

    @Test
    void updatesOfOtherFieldsKeepDollarPrefixedFields() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("dotted").getCollection("dollars");
        collection.insertOne(new Document("_id", 1).append("$dollar", "kept").append("a.b", 1)
            .append("nested", new Document("$inner", true)));

        collection.updateOne(Filters.eq("_id", 1), Updates.combine(Updates.set("n", 2), Updates.set("nested.added", 1)));

        assertThat(collection.find().first()).isEqualTo(new Document("_id", 1).append("$dollar", "kept").append("a.b", 1)
            .append("nested", new Document("$inner", true).append("added", 1)).append("n", 2));
    }

    @Test
    void replacementsMayHoldDottedFields() {
        MongoCollection<Document> collection = CLUSTERS.client().getDatabase("dotted").getCollection("replacements");
        collection.insertOne(new Document("_id", 1).append("a.b", 1));
        try (ChangeStreamProbe stream = ChangeStreamProbe.open(collection.watch())) {
            collection.replaceOne(Filters.eq("_id", 1), new Document("c.d", 3).append("y", 1));
            assertThat(stream.next().get("fullDocument")).isEqualTo(new Document("_id", 1).append("c.d", 3).append("y", 1));

            collection.replaceOne(Filters.eq("_id", 2), new Document("e.f", 1), new ReplaceOptions().upsert(true));
            assertThat(stream.next().get("fullDocument")).isEqualTo(new Document("_id", 2).append("e.f", 1));

            Document replaced = collection.findOneAndReplace(Filters.eq("_id", 2), new Document("g.h", 2));
            assertThat(replaced).isEqualTo(new Document("_id", 2).append("e.f", 1));
            assertThat(stream.next().get("fullDocument")).isEqualTo(new Document("_id", 2).append("g.h", 2));
        }
        assertThat(collection.find(Filters.eq("_id", 1)).first()).isEqualTo(new Document("_id", 1).append("c.d", 3).append("y", 1));
    }
}
