package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Field;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/** The $unionWith stage, which mongo-java-server lacks: with and without a sub-pipeline, stages after it, views. */
class UnionWithTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private static MongoDatabase twoCollections(String name) {
        MongoDatabase database = CLUSTERS.client().getDatabase(name);
        database.getCollection("a").insertMany(List.of(new Document("_id", 1).append("n", 10), new Document("_id", 3).append("n", 30)));
        database.getCollection("b").insertMany(List.of(new Document("_id", 2).append("n", 20), new Document("_id", 4).append("n", 40)));
        return database;
    }

    @Test
    void unionWithAppendsTheOtherCollectionThenRunsTheFollowingStages() {
        MongoDatabase database = twoCollections("unionPlain");

        List<Document> union = database.getCollection("a").aggregate(List.of(
            Aggregates.match(Filters.gt("n", 10)),
            new Document("$unionWith", "b"),
            Aggregates.sort(Sorts.descending("_id")))).into(new ArrayList<>());

        assertThat(union).extracting(document -> document.getInteger("_id")).containsExactly(4, 3, 2);
    }

    @Test
    void theOtherCollectionRunsItsOwnPipeline() {
        MongoDatabase database = twoCollections("unionPipeline");

        List<Document> union = database.getCollection("a").aggregate(List.of(
            Aggregates.unionWith("b", List.of(Aggregates.match(Filters.eq("_id", 4)), Aggregates.set(new Field<>("from", "b")))),
            Aggregates.unionWith("a", List.of(Aggregates.count("total"))))).into(new ArrayList<>());

        assertThat(union).containsExactly(new Document("_id", 1).append("n", 10), new Document("_id", 3).append("n", 30),
            new Document("_id", 4).append("n", 40).append("from", "b"), new Document("total", 2));
    }

    @Test
    void viewsCanBeUnitedAndCanUnite() {
        MongoDatabase database = twoCollections("unionViews");
        database.createView("bigB", "b", List.of(Aggregates.match(Filters.gt("n", 30))));
        database.createView("everything", "a", List.of(new Document("$unionWith", "b")));

        assertThat(database.getCollection("a").aggregate(List.of(new Document("$unionWith", "bigB"))).into(new ArrayList<>()))
            .extracting(document -> document.getInteger("_id")).containsExactly(1, 3, 4);
        assertThat(database.getCollection("everything").find(Filters.gte("n", 20)).sort(Sorts.ascending("n")).into(new ArrayList<>()))
            .extracting(document -> document.getInteger("_id")).containsExactly(2, 3, 4);
        assertThat(database.getCollection("everything").countDocuments()).isEqualTo(4);
    }
}
