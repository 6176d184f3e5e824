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
        boolean dryRun = Boolean.TRUE.equals(changes.remove("dryRun"));
        Document before = collection.options();
        Document stateBefore = new Document("collectionOptions", before);
        Document reply = new Document();
        if (command.get("index") instanceof Document indexChange) {
            if (indexChange.containsKey("prepareUnique") && (!changes.isEmpty() || indexChange.keySet().stream()
                .filter(field -> !List.of("name", "keyPattern", "prepareUnique").contains(field)).count() > 0)) {
                throw MongoErrors.INVALID_OPTIONS.error("prepareUnique cannot be combined with any other modification.");
            }
            if (dryRun) {
                return dryRunUnique(collection, indexChange);
            }
            Document oldIndex = modifyIndex(collection, indexChange, reply);
            changes.put("index", indexChange);
            stateBefore.put("indexOptions", oldIndex);
        } else if (command.containsKey("index")) {
            throw MongoErrors.BAD_VALUE.error("collMod 'index' must be an object, got " + command.get("index"));
        } else if (dryRun) {
            throw MongoErrors.INVALID_OPTIONS.error("dry run mode requires an valid index modification.");
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

    /** {@code dryRun: true}: whether the index could become unique, changing nothing. */
    private Document dryRunUnique(EmulatedCollection collection, Document change) {
        if (!Boolean.TRUE.equals(change.get("unique")) || change.keySet().stream()
            .anyMatch(field -> !List.of("name", "keyPattern", "unique").contains(field))) {
            throw MongoErrors.INVALID_OPTIONS.error("dry run mode requires an index modification with unique: true only.");
        }
        Document current = findIndex(collection, change);
        if (!Boolean.TRUE.equals(current.get("unique"))) {
            requirePrepared(current);
            refuseViolations(collection, current);
        }
        return new Document("ok", 1.0);
    }

    private Document modifyIndex(EmulatedCollection collection, Document change, Document reply) {
        Document current = findIndex(collection, change);
        Document set = new Document();
        Document unset = new Document();
        for (String option : List.of("hidden", "expireAfterSeconds")) {
            if (change.containsKey(option)) {
                reply.put(option + "_old", current.get(option));
                reply.put(option + "_new", change.get(option));
                set.put(option, change.get(option));
            }
        }
        boolean unique = Boolean.TRUE.equals(current.get("unique"));
        if (change.containsKey("prepareUnique")) {
            boolean prepare = Boolean.TRUE.equals(change.get("prepareUnique"));
            boolean prepared = Boolean.TRUE.equals(current.get("prepareUnique"));
            reply.put("prepareUnique_old", prepared);
            reply.put("prepareUnique_new", prepare);
            if (!unique && prepare) {
                set.put("prepareUnique", true);
                collection.prepareUnique(prepared(collection, current));
            } else if (!unique) {
                unset.put("prepareUnique", "");
                collection.forgetPreparedUnique(String.valueOf(current.get("name")));
            }
        }
        if (change.containsKey("unique")) {
            if (!Boolean.TRUE.equals(change.get("unique"))) {
                throw MongoErrors.BAD_VALUE.error("Cannot make index non-unique");
            }
            if (!unique) {
                requirePrepared(current);
                refuseViolations(collection, current);
                collection.convertToUnique(String.valueOf(current.get("name")),
                    database.detachedUniqueIndex(collection.getCollectionName(), current));
                set.put("unique", true);
                unset.put("prepareUnique", "");
                reply.put("unique_new", true);
            }
        }
        if (!List.of("hidden", "expireAfterSeconds", "prepareUnique", "unique").stream().anyMatch(change::containsKey)) {
            throw MongoErrors.INVALID_OPTIONS.error("collMod 'index' must change 'hidden', 'expireAfterSeconds', 'prepareUnique'"
                + " or 'unique': " + change);
        }
        Document update = new Document();
        if (!set.isEmpty()) {
            update.put("$set", set);
        }
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (!update.isEmpty()) {
            database.indexCatalog().updateDocuments(new Document("ns", collection.getFullName()).append("name", current.get("name")),
                update, ArrayFilters.empty(), false, false, NoopOplog.get());
        }
        return withVersion(current);
    }

    private Document findIndex(EmulatedCollection collection, Document change) {
        Object name = change.get("name");
        Object keyPattern = change.get("keyPattern");
        if (!(name instanceof String) && !(keyPattern instanceof Document)) {
            throw MongoErrors.BAD_VALUE.error("collMod 'index' must name the index by 'name' or 'keyPattern': " + change);
        }
        return indexDescriptions(collection.getCollectionName()).stream()
            .filter(spec -> name == null || name.equals(spec.get("name")))
            .filter(spec -> keyPattern == null || keyPattern.equals(spec.get("key")))
            .findFirst()
            .orElseThrow(() -> MongoErrors.INDEX_NOT_FOUND.error("cannot find index " + change + " for ns " + collection.getFullName()));
    }

    private static void requirePrepared(Document index) {
        if (!Boolean.TRUE.equals(index.get("prepareUnique"))) {
            throw MongoErrors.INVALID_OPTIONS.error("Cannot make index unique with 'prepareUnique=false'. Run collMod to set it first.");
        }
    }

    private PreparedUniqueIndex prepared(EmulatedCollection collection, Document index) {
        return new PreparedUniqueIndex(database.detachedUniqueIndex(collection.getCollectionName(), index),
            Boolean.TRUE.equals(index.get("sparse")));
    }

    private void refuseViolations(EmulatedCollection collection, Document index) {
        List<Document> violations = collection.uniqueViolations(prepared(collection, index));
        if (!violations.isEmpty()) {
            throw MongoErrors.CANNOT_CONVERT_INDEX_TO_UNIQUE.error("Cannot convert the index to unique. Please resolve conflicting"
                + " documents before running collMod again.", new Document("violations", violations));
        }
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
