package io.c2csync.controlplane.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.controlplane.sync.UniqueIndexConversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the unique indexes the sink built non-unique during the sync (one record each in
 * {@code __c2c_sync.uniqueIndexes}: {@code _id: {db, coll, name}, spec}) unique again, as MongoDB 6.0 allows:
 * {@code collMod} with {@code prepareUnique: true}, then with {@code unique: true}. A record is removed once its
 * index is unique (or gone), so a repeat converts what is left.
 */
final class UniqueIndexConverter {
    private static final Logger log = LoggerFactory.getLogger(UniqueIndexConverter.class);
    private static final int CANNOT_CONVERT_INDEX_TO_UNIQUE = 359;
    /** Groups of duplicates named per index; the server lists them all. */
    private static final int VIOLATIONS_SHOWN = 10;
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoClient client;

    UniqueIndexConverter(MongoClient client) {
        this.client = client;
    }

    UniqueIndexConversion convertRecorded() {
        MongoCollection<BsonDocument> records = client.getDatabase(MarkerNamespace.DATABASE)
                .getCollection(MarkerNamespace.UNIQUE_INDEXES, BsonDocument.class);
        List<String> converted = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (BsonDocument record : records.find().into(new ArrayList<>())) {
            BsonDocument id = record.getDocument("_id");
            String database = id.getString("db").getValue();
            String collection = id.getString("coll").getValue();
            String label = database + "." + collection + " index " + id.getString("name").getValue();
            Optional<BsonDocument> index = find(database, collection, id.getString("name"), record.getDocument("spec"));
            if (index.isEmpty()) {
                log.info("{} is no longer on the destination; nothing to make unique", label);
            } else if (!isUnique(index.get())) {
                Optional<String> violation = convert(database, collection, index.get().getString("name"), label);
                if (violation.isPresent()) {
                    violations.add(violation.get());
                    continue;
                }
                converted.add(label);
                log.info("{} is unique again", label);
            }
            records.deleteOne(Filters.eq("_id", id));
        }
        return new UniqueIndexConversion(converted, violations);
    }

    /** The index by its recorded name, or by its key when it was recorded under a key pattern. */
    private Optional<BsonDocument> find(String database, String collection, BsonString name, BsonDocument spec) {
        BsonValue key = spec.get("key", spec.get("keyPattern"));
        return client.getDatabase(database).getCollection(collection, BsonDocument.class)
                .listIndexes(BsonDocument.class).into(new ArrayList<>()).stream()
                .filter(index -> name.equals(index.get("name")) || (key != null && key.equals(index.get("key"))))
                .findFirst();
    }

    private static boolean isUnique(BsonDocument index) {
        BsonValue unique = index.get("unique");
        return unique != null && (unique.isBoolean() ? unique.asBoolean().getValue()
                : unique.isNumber() && unique.asNumber().intValue() != 0);
    }

    /** Empty when the index is unique now; else which documents hold the same key. */
    private Optional<String> convert(String database, String collection, BsonString name, String label) {
        collMod(database, collection, new BsonDocument("name", name).append("prepareUnique", BsonBoolean.TRUE));
        try {
            collMod(database, collection, new BsonDocument("name", name).append("unique", BsonBoolean.TRUE));
            return Optional.empty();
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != CANNOT_CONVERT_INDEX_TO_UNIQUE) {
                throw e;
            }
            List<BsonValue> groups = e.getResponse().getArray("violations", new BsonArray());
            return Optional.of(label + ": " + groups.size() + " key(s) held by more than one document, _ids "
                    + groups.stream().limit(VIOLATIONS_SHOWN)
                            .map(group -> new BsonDocument("v", group.asDocument().get("ids")).toJson(RELAXED)
                                    .replaceFirst("^\\{\"v\": (.*)}$", "$1"))
                            .collect(Collectors.joining(", "))
                    + (groups.size() > VIOLATIONS_SHOWN ? ", ..." : ""));
        }
    }

    private void collMod(String database, String collection, BsonDocument index) {
        client.getDatabase(database).runCommand(new BsonDocument("collMod", new BsonString(collection))
                .append("index", index), BsonDocument.class);
    }
}
