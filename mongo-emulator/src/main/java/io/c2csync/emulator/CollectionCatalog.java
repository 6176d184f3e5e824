package io.c2csync.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<Document> batch = new ArrayList<>();
        for (String name : database.views().names()) {
            Document entry = new Document("name", name).append("type", "view")
                .append("options", database.views().definition(name).orElseThrow())
                .append("info", new Document("readOnly", true));
            addIfMatching(batch, entry, filter, nameOnly);
        }
        for (String name : database.userCollectionNames()) {
            MongoCollection<?> collection = database.resolveCollection(name, false);
            if (!(collection instanceof EmulatedCollection emulated)) {
                continue;
            }
            Document entry = new Document("name", name).append("type", "collection")
                .append("options", emulated.options())
                .append("info", new Document("readOnly", false).append("uuid", emulated.getUuid()))
                .append("idIndex", ID_INDEX.cloneDeeply());
            addIfMatching(batch, entry, filter, nameOnly);
        }
        batch.sort(Comparator.comparing(entry -> entry.get("name").toString()));
        return cursorReply(database.getDatabaseName() + ".$cmd.listCollections", batch);
    }

    private static void addIfMatching(List<Document> batch, Document entry, Document filter, boolean nameOnly) {
        if (filter == null || new DefaultQueryMatcher().matches(entry, filter)) {
            batch.add(nameOnly ? new Document("name", entry.get("name")).append("type", entry.get("type")) : entry);
        }
    }

    Document collMod(EmulatedCollection collection, Document command) {
        Document changes = CreateOptions.ofCollMod(command);
        Document before = collection.options();
        Document stateBefore = new Document("collectionOptions", before);
        Document reply = new Document();
        if (command.get("index") instanceof Document indexChange) {
            List<Document> violations = UniqueConversion.violations(collection, this, indexChange);
            if (!violations.isEmpty()) {
                return UniqueConversion.refusal(violations);
            }
            Document oldIndex = modifyIndex(collection, indexChange, reply);
            changes.put("index", indexChange);
            stateBefore.put("indexOptions", oldIndex);
        } else if (command.containsKey("index")) {
            throw MongoErrors.BAD_VALUE.error("collMod 'index' must be an object, got " + command.get("index"));
        }
        Document after = before.cloneDeeply();
        changes.forEach((field, value) -> {
            switch (field) {
                case "index" -> { }
                case "cappedSize" -> after.put("size", CappedLimits.checkedResize(before, field, value));
                case "cappedMax" -> after.put("max", CappedLimits.checkedResize(before, field, value));
                default -> after.put(field, value);
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
        Document current = findIndex(collection, change);
        Document set = new Document();
        for (String option : List.of("hidden", "expireAfterSeconds", "prepareUnique", "unique")) {
            if (change.containsKey(option)) {
                reply.put(option + "_old", current.get(option));
                reply.put(option + "_new", change.get(option));
                set.put(option, change.get(option));
            }
        }
        if (set.isEmpty()) {
            throw MongoErrors.INVALID_OPTIONS.error("collMod 'index' must change 'hidden', 'expireAfterSeconds', "
                + "'prepareUnique' or 'unique': " + change);
        }
        Document update = new Document("$set", set);
        if (set.containsKey("unique")) {
            update.put("$unset", new Document("prepareUnique", ""));
        }
        database.indexCatalog().updateDocuments(new Document("ns", collection.getFullName()).append("name", current.get("name")),
            update, ArrayFilters.empty(), false, false, NoopOplog.get());
        return withVersion(current);
    }

    /** The index a collMod {@code index} change names, by {@code name} or {@code keyPattern}. */
    Document findIndex(EmulatedCollection collection, Document change) {
        Document selector = new Document();
        if (change.get("name") instanceof String name) {
            selector.put("name", name);
        } else if (change.get("keyPattern") instanceof Document keyPattern) {
            selector.put("key", keyPattern);
        } else {
            throw MongoErrors.BAD_VALUE.error("collMod 'index' must name the index by 'name' or 'keyPattern': " + change);
        }
        return indexDescriptions(collection.getCollectionName()).stream()
            .filter(spec -> selector.get("name") == null || selector.get("name").equals(spec.get("name")))
            .filter(spec -> selector.get("key") == null || selector.get("key").equals(spec.get("key")))
            .findFirst()
            .orElseThrow(() -> MongoErrors.INDEX_NOT_FOUND.error("cannot find index " + change + " for ns " + collection.getFullName()));
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
