package io.c2csync.pipeline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.NamespaceSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * What differs between the source and the destination in some databases, as the sync promises
 * them: every selected collection with the same type and options, the same indexes (unique ones
 * built non-unique and recorded for the commit), and the same documents byte for byte in
 * {@code _id} order; nothing else on the destination.
 */
final class ClusterComparison {

    private static final int DOCUMENT_DIFFERENCES_SHOWN = 5;

    private final MongoClient source;
    private final MongoClient destination;
    private final NamespaceSelection selection;
    private final List<String> differences = new ArrayList<>();

    private ClusterComparison(MongoClient source, MongoClient destination, NamespaceSelection selection) {
        this.source = source;
        this.destination = destination;
        this.selection = selection;
    }

    static List<String> differences(PipelineEnvironment environment, NamespaceSelection selection,
            Collection<String> databases) {
        ClusterComparison comparison = new ClusterComparison(environment.source(), environment.destination(), selection);
        databases.forEach(database -> comparison.compareDatabase(database, database));
        return comparison.differences;
    }

    /** Two databases of the destination hold the same collections, options, indexes and documents. */
    static void assertSameDestinationContent(PipelineEnvironment environment, String database, String other) {
        ClusterComparison comparison = new ClusterComparison(environment.destination(), environment.destination(),
                NamespaceSelection.ALL);
        comparison.compareDatabase(database, other);
        org.assertj.core.api.Assertions.assertThat(comparison.differences)
                .as("differences between %s and %s on the destination", database, other).isEmpty();
    }

    private void compareDatabase(String database, String destinationDatabase) {
        Map<String, BsonDocument> expected = new TreeMap<>(collections(source, database));
        expected.keySet().removeIf(collection -> !selection.selects(database, collection));
        Map<String, BsonDocument> actual = collections(destination, destinationDatabase);
        for (String collection : union(expected.keySet(), actual.keySet())) {
            String namespace = destinationDatabase + "." + collection;
            if (!actual.containsKey(collection)) {
                differences.add(namespace + ": missing on the destination");
            } else if (!expected.containsKey(collection)) {
                differences.add(namespace + ": on the destination only");
            } else {
                compareCollection(database, destinationDatabase, collection, expected.get(collection),
                        actual.get(collection));
            }
        }
    }

    private void compareCollection(String database, String destinationDatabase, String collection,
            BsonDocument expected, BsonDocument actual) {
        String namespace = destinationDatabase + "." + collection;
        for (String field : List.of("type", "options")) {
            if (!Objects.equals(expected.get(field), actual.get(field))) {
                differences.add(namespace + ": " + field + " " + actual.get(field) + " instead of " + expected.get(field));
            }
        }
        compareIndexes(database, destinationDatabase, collection);
        compareDocuments(database, destinationDatabase, collection);
    }

    private void compareIndexes(String sourceDatabase, String database, String collection) {
        String namespace = database + "." + collection;
        Map<String, BsonDocument> expected = indexes(source, sourceDatabase, collection);
        Map<String, BsonDocument> actual = indexes(destination, database, collection);
        for (String name : union(expected.keySet(), actual.keySet())) {
            BsonDocument sourceSpec = expected.get(name);
            BsonDocument destinationSpec = actual.get(name);
            if (sourceSpec == null || destinationSpec == null) {
                differences.add(namespace + ": index " + name + (sourceSpec == null ? " on the destination only"
                        : " missing on the destination"));
                continue;
            }
            boolean unique = sourceSpec.getBoolean("unique", org.bson.BsonBoolean.FALSE).getValue();
            BsonDocument built = sourceSpec.clone();
            built.remove("unique");
            if (!built.equals(destinationSpec)) {
                differences.add(namespace + ": index " + destinationSpec.toJson() + " instead of " + built.toJson()
                        + (unique ? " (a unique index is built without unique until the commit)" : ""));
            }
            if (unique && !isRecordedUnique(database, collection, name)) {
                differences.add(namespace + ": unique index " + name + " is not recorded in "
                        + MarkerNamespace.DATABASE + "." + MarkerNamespace.UNIQUE_INDEXES + " for the commit");
            }
        }
    }

    private boolean isRecordedUnique(String database, String collection, String name) {
        BsonDocument id = new BsonDocument("db", new BsonString(database)).append("coll", new BsonString(collection))
                .append("name", new BsonString(name));
        return destination.getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.UNIQUE_INDEXES)
                .countDocuments(Filters.eq("_id", id)) == 1;
    }

    private void compareDocuments(String sourceDatabase, String database, String collection) {
        String namespace = database + "." + collection;
        int shown = 0;
        try (MongoCursor<RawBsonDocument> expected = documents(source, sourceDatabase, collection);
                MongoCursor<RawBsonDocument> actual = documents(destination, database, collection)) {
            while ((expected.hasNext() || actual.hasNext()) && shown < DOCUMENT_DIFFERENCES_SHOWN) {
                RawBsonDocument want = expected.hasNext() ? expected.next() : null;
                RawBsonDocument got = actual.hasNext() ? actual.next() : null;
                if (want == null || got == null || !sameBytes(want, got)) {
                    differences.add(namespace + ": document " + abbreviate(got) + " instead of " + abbreviate(want));
                    shown++;
                }
            }
        }
    }

    static boolean sameBytes(RawBsonDocument left, RawBsonDocument right) {
        var a = left.getByteBuffer();
        var b = right.getByteBuffer();
        return a.remaining() == b.remaining() && Arrays.equals(bytes(a), bytes(b));
    }

    private static byte[] bytes(org.bson.ByteBuf buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String abbreviate(RawBsonDocument document) {
        if (document == null) {
            return "(none)";
        }
        String json = document.toJson();
        return json.length() > 300 ? json.substring(0, 300) + "... (" + json.length() + " chars)" : json;
    }

    private static MongoCursor<RawBsonDocument> documents(MongoClient client, String database, String collection) {
        return client.getDatabase(database).getCollection(collection, RawBsonDocument.class).find()
                .sort(Sorts.ascending("_id")).iterator();
    }

    private static Map<String, BsonDocument> collections(MongoClient client, String database) {
        Map<String, BsonDocument> collections = new TreeMap<>();
        MongoDatabase db = client.getDatabase(database);
        for (BsonDocument info : db.listCollections(BsonDocument.class)) {
            String name = info.getString("name").getValue();
            if (!name.startsWith(MarkerNamespace.SYSTEM_COLLECTION_PREFIX)) {
                collections.put(name, info);
            }
        }
        return collections;
    }

    private static Map<String, BsonDocument> indexes(MongoClient client, String database, String collection) {
        Map<String, BsonDocument> indexes = new TreeMap<>();
        for (BsonDocument spec : client.getDatabase(database).getCollection(collection).listIndexes(BsonDocument.class)) {
            BsonDocument withoutNamespace = spec.clone();
            withoutNamespace.remove("ns");
            BsonValue name = spec.get("name");
            indexes.put(name.asString().getValue(), withoutNamespace);
        }
        return indexes;
    }

    private static TreeSet<String> union(Collection<String> left, Collection<String> right) {
        TreeSet<String> union = new TreeSet<>(left);
        union.addAll(right);
        return union;
    }
}
