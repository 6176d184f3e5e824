package io.c2csync.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;

/** What one database reports about its collections and indexes: listCollections, collMod, stats. */
final class CollectionCatalog {

    private static final Document ID_INDEX = new Document("v", 2).append("key", new Document("_id", 1)).append("name", "_id_");

    private final EmulatedDatabase database;

    CollectionCatalog(EmulatedDatabase database) {
        this.database = database;
    }

    /** The {@code operationDescription} of a create event. */
    static Document describeCreate(Document options) {
        Document description = options.cloneDeeply();
        description.put("idIndex", ID_INDEX.cloneDeeply());
        return description;
    }

    static Document withVersion(Document indexSpec) {
        Document spec = indexSpec.cloneDeeply();
        spec.remove("ns");
        spec.putIfAbsent("v", 2);
        return spec;
    }

    Document listCollections(Document query) {
        Document filter = query.get("filter") instanceof Document given ? given : null;
        boolean nameOnly = Boolean.TRUE.equals(query.get("nameOnly"));
        DefaultQueryMatcher matcher = new DefaultQueryMatcher();
        List<Document> batch = new ArrayList<>();
        for (String name : database.userCollectionNames()) {
            MongoCollection<?> collection = database.resolveCollection(name, false);
            if (!(collection instanceof EmulatedCollection emulated)) {
                continue;
            }
            Document entry = new Document("name", name).append("type", "collection")
                .append("options", emulated.options())
                .append("info", new Document("readOnly", false).append("uuid", emulated.getUuid()))
                .append("idIndex", ID_INDEX.cloneDeeply());
            if (filter == null || matcher.matches(entry, filter)) {
                batch.add(nameOnly ? new Document("name", name).append("type", "collection") : entry);
            }
        }
        return cursorReply(database.getDatabaseName() + ".$cmd.listCollections", batch);
    }

    Document collMod(EmulatedCollection collection, Document command) {
        Document changes = CreateOptions.ofCollMod(command);
        Document before = collection.options();
        Document stateBefore = new Document("collectionOptions", before);
        Document reply = new Document();
        if (command.get("index") instanceof Document indexChange) {
            Document oldIndex = modifyIndex(collection, indexChange, reply);
            changes.put("index", indexChange);
            stateBefore.put("indexOptions", oldIndex);
        } else if (command.containsKey("index")) {
            throw MongoErrors.BAD_VALUE.error("collMod 'index' must be an object, got " + command.get("index"));
        }
        Document after = before.cloneDeeply();
        changes.forEach((field, value) -> {
            if (!field.equals("index")) {
                after.put(field, value);
            }
        });
        collection.setOptions(after);
        if (!changes.isEmpty()) {
            database.record(ChangeDraft.modify(collection.namespace(), collection.getUuid(), changes, stateBefore));
        }
        reply.put("ok", 1.0);
        return reply;
    }

    private Document modifyIndex(EmulatedCollection collection, Document change, Document reply) {
        Document selector = new Document("ns", collection.getFullName());
        if (change.get("name") instanceof String name) {
            selector.put("name", name);
        } else if (change.get("keyPattern") instanceof Document keyPattern) {
            selector.put("key", keyPattern);
        } else {
            throw MongoErrors.BAD_VALUE.error("collMod 'index' must name the index by 'name' or 'keyPattern': " + change);
        }
        Document current = indexDescriptions(collection.getCollectionName()).stream()
            .filter(spec -> selector.get("name") == null || selector.get("name").equals(spec.get("name")))
            .filter(spec -> selector.get("key") == null || selector.get("key").equals(spec.get("key")))
            .findFirst()
            .orElseThrow(() -> MongoErrors.INDEX_NOT_FOUND.error("cannot find index " + change + " for ns " + collection.getFullName()));
        Document set = new Document();
        for (String option : List.of("hidden", "expireAfterSeconds")) {
            if (change.containsKey(option)) {
                reply.put(option + "_old", current.get(option));
                reply.put(option + "_new", change.get(option));
                set.put(option, change.get(option));
            }
        }
        if (set.isEmpty()) {
            throw MongoErrors.INVALID_OPTIONS.error("collMod 'index' must change 'hidden' or 'expireAfterSeconds': " + change);
        }
        database.indexCatalog().updateDocuments(new Document("ns", collection.getFullName()).append("name", current.get("name")),
            new Document("$set", set), ArrayFilters.empty(), false, false, NoopOplog.get());
        return withVersion(current);
    }

    List<Document> indexDescriptions(String collectionName) {
        MongoCollection<Integer> catalog = database.indexCatalog();
        if (catalog == null) {
            return List.of();
        }
        List<Document> descriptions = new ArrayList<>();
        for (Document spec : catalog.handleQuery(new Document("ns", database.getDatabaseName() + "." + collectionName))) {
            descriptions.add(withVersion(spec));
        }
        return descriptions;
    }

    /** The {@code $collStats} stage (storageStats and count), followed by the rest of the pipeline. */
    Document collStatsStage(String collectionName, List<Document> pipeline, DatabaseResolver resolver) {
        Document spec = (Document) pipeline.get(0).get("$collStats");
        EmulatedCollection collection = database.requireCollection(collectionName,
            "Unable to retrieve storageStats in $collStats stage :: caused by :: Collection not found");
        Document stats = withStorageSizes(collection.getStats());
        Document output = new Document("ns", collection.getFullName()).append("localTime", Instant.now());
        if (spec.containsKey("storageStats")) {
            stats.remove("ok");
            output.put("storageStats", stats);
        }
        if (spec.containsKey("count")) {
            output.put("count", collection.count());
        }
        List<Document> results = List.of(output);
        if (pipeline.size() > 1) {
            results = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, database, collection,
                NoopOplog.get()).runStages(Stream.of(output));
        }
        return cursorReply(collection.getFullName(), results);
    }

    /** The library reports no storage size; report the data size, as an uncompressed engine would. */
    static Document withStorageSizes(Document stats) {
        Document patched = stats.clone();
        long dataSize = patched.get("size") instanceof Number size ? size.longValue()
            : patched.get("dataSize") instanceof Number size ? size.longValue() : 0L;
        long indexSize = patched.get("indexSize") instanceof Number size ? size.longValue()
            : patched.get("indexSize") instanceof Document sizes ? sizes.values().stream().mapToLong(v -> ((Number) v).longValue()).sum() : 0L;
        patched.put("storageSize", dataSize);
        patched.put("totalIndexSize", indexSize);
        patched.put("totalSize", dataSize + indexSize);
        return patched;
    }

    static Document cursorReply(String namespace, List<Document> firstBatch) {
        Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", firstBatch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }
}
