package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/** {@code _id $in} answers as MongoDB does, whatever kinds of values are listed, and in one lookup per listed value. */
class IdInQueriesTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private static final ObjectId OID = new ObjectId("65f0c0ffee0000000000abcd");
    private static final Date WHEN = new Date(1_700_000_000_000L);

    private MongoCollection<Document> mixed;

    @BeforeEach
    void fill() {
        mixed = CLUSTERS.client().getDatabase("idin").getCollection("mixed");
        mixed.drop();
        List<Object> ids = List.of(1, 2L, 3.5, -0.0, "a", "b", OID, new Document("k", 1), WHEN, 9_007_199_254_740_993L);
        ids.forEach(id -> mixed.insertOne(new Document("_id", id)));
    }

    @Test
    void numbersMatchAcrossTheirTypesAndOtherKindsMatchByValue() {
        List<Object> listed = List.of(1L, 2.0, 3.5, 0, "a", "zz", OID, new Document("k", 1), WHEN, 4, 9_007_199_254_740_992L);

        assertThat(ids(Filters.in("_id", listed))).containsExactlyInAnyOrder(1, 2L, 3.5, -0.0, "a", OID,
            new Document("k", 1), WHEN);
    }

    @Test
    void writesSelectByTheSameRules() {
        long deleted = mixed.deleteMany(Filters.in("_id", List.of(1.0, "b", 77))).getDeletedCount();

        assertThat(deleted).isEqualTo(2);
        assertThat(ids(Filters.empty())).doesNotContain(1, "b").hasSize(8);
    }

    @Test
    void aThousandListedKeysReturnTheirDocumentsSorted() {
        MongoCollection<Document> many = CLUSTERS.client().getDatabase("idin").getCollection("many");
        many.drop();
        List<Document> documents = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            documents.add(new Document("_id", i));
        }
        many.insertMany(documents);
        List<Long> listed = new ArrayList<>();
        for (long i = 4_999; i >= 0; i -= 5) {
            listed.add(i);
        }

        List<Object> found = many.find(Filters.in("_id", listed)).sort(Sorts.ascending("_id"))
            .map(document -> document.get("_id")).into(new ArrayList<>());

        assertThat(found).hasSize(1_000).startsWith(4L, 9L).endsWith(4_999L);
    }

    private List<Object> ids(org.bson.conversions.Bson filter) {
        return mixed.find(filter).map(document -> document.get("_id")).into(new ArrayList<>());
    }
}
