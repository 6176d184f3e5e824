package io.c2csync.pipeline;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.c2csync.connector.source.BuildIndexes;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Scale-out: the same workload synced by one group and by two groups in parallel ends the same. */
interface ParallelGroups extends PipelineSuite {

    @Test
    default void twoGroupsInParallelGiveTheSameResultAsOne() {
        for (String db : List.of("par1_a", "par1_b", "par2_a", "par2_b")) {
            prepare(environment().source().getDatabase(db));
        }
        try (SyncGroupUnderTest one = SyncGroupUnderTest.start(environment(), "par-one",
                PipelineSuite.databases("par1_a", "par1_b"));
                SyncGroupUnderTest groupA = SyncGroupUnderTest.start(environment(), "par-two", "a",
                        PipelineSuite.databases("par2_a"), BuildIndexes.BEFORE_DATA_COPY);
                SyncGroupUnderTest groupB = SyncGroupUnderTest.start(environment(), "par-two", "b",
                        PipelineSuite.databases("par2_b"), BuildIndexes.BEFORE_DATA_COPY)) {
            for (String db : List.of("par1_a", "par2_a", "par1_b", "par2_b")) {
                change(environment().source().getDatabase(db));
            }

            assertDestinationEqualsSource(one, "par1_a", "par1_b");
            assertDestinationEqualsSource(groupA, "par2_a");
            assertDestinationEqualsSource(groupB, "par2_b");
            ClusterComparison.assertSameDestinationContent(environment(), "par1_a", "par2_a");
            ClusterComparison.assertSameDestinationContent(environment(), "par1_b", "par2_b");
        }
    }

    private static void prepare(MongoDatabase db) {
        Workloads.insertNumbered(db.getCollection("c"), 0, 200);
        db.getCollection("c").createIndex(new Document("k", 1));
    }

    private static void change(MongoDatabase db) {
        Workloads.insertNumbered(db.getCollection("c"), 200, 300);
        db.getCollection("c").updateMany(Filters.lt("_id", 100), Updates.inc("n", 1));
        db.getCollection("c").deleteMany(Filters.gte("_id", 250));
        db.getCollection("d").insertOne(new Document("_id", 1));
        db.getCollection("d").drop();
        Workloads.insertNumbered(db.getCollection("e"), 0, 10);
    }
}
