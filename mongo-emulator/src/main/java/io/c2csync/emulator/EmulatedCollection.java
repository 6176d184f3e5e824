package io.c2csync.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An in-memory collection that records one change event per document actually written, from inside the
 * library's write path (under the collection lock), so failed writes record nothing and events follow commit order.
 * It also keeps the collection options of {@code create}/{@code collMod} and enforces its validator.
 */
final class EmulatedCollection extends MemoryCollection {

    /** The replacement being written (null while an update is; only touched under this collection's lock): its field order is the stored document's. */
    private Document replacing;
    private Document options = new Document();
    /** Null unless capped. */
    private CappedLimits cappedLimits;
    /** The {@code _id}s of a capped collection, oldest first. */
    private final Deque<Object> insertionOrder = new ArrayDeque<>();
    /** Whether a document with a dotted or $-prefixed top-level field name was ever stored here. */
    private boolean mayHoldUnusualNames;
    /** The escaped field names of the update in progress (see {@link FieldNameEscapes}). */
    private FieldNameEscapes escapes = new FieldNameEscapes();
    /** Indexes with {@code prepareUnique: true}, by name. */
    private final Map<String, PreparedUniqueIndex> preparedUnique = new LinkedHashMap<>();
    /** The last query matched, prepared for {@code _id $in} matching. */
    private volatile IdInMatch lastMatch = IdInMatch.NONE;

    EmulatedCollection(EmulatedDatabase database, String collectionName, CollectionOptions options,
                       CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        IdInMatch match = lastMatch;
        if (!match.isFor(query)) {
            match = IdInMatch.of(query);
            lastMatch = match;
        }
        return super.documentMatchesQuery(document, match.narrowedFor(document));
    }

    synchronized Document options() {
        return options.cloneDeeply();
    }

    synchronized void setOptions(Document newOptions) {
        options = newOptions.cloneDeeply();
        cappedLimits = CappedLimits.of(options);
    }

    @Override
    public synchronized Document getStats() {
        Document stats = super.getStats();
        stats.put("capped", cappedLimits != null);
        if (cappedLimits != null) {
            stats.put("max", cappedLimits.maxDocuments());
            stats.put("maxSize", cappedLimits.maxBytes());
        }
        return stats;
    }

    /** Sizes are counted here, with the codec that knows every BSON type (the library's fails on some). */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    public synchronized void addDocument(Document document) {
        escapes.restore(document);
        mayHoldUnusualNames |= FieldNameEscapes.presentIn(document);
        if (captured()) {
            DocumentValidation.check(options, document, null);
        }
        checkPreparedUnique(document);
        super.addDocument(document);
        updateDataSize(BsonCodec.sizeOf(document));
        if (captured()) {
            changeLog().append(ChangeDraft.insert(namespace(), getUuid(), document));
        }
        if (cappedLimits != null) {
            insertionOrder.addLast(document.get("_id"));
            evictOldest();
        }
    }

    /**
     * Removes the oldest documents, never the newest one, until the capped collection is within its limits. Each
     * removal is a delete event after the insert's, as MongoDB 5.0+ replicates capped deletes as delete oplog entries.
     */
    private void evictOldest() {
        while (count() > 1 && cappedLimits.exceededBy(getDataSize(), count())) {
            Object oldestId = insertionOrder.getFirst();
            for (Document oldest : handleQuery(new Document("_id", oldestId))) {
                removeDocument(oldest);
            }
            insertionOrder.remove(oldestId);
        }
    }

    @Override
    public synchronized void removeDocument(Document document) {
        int before = count();
        super.removeDocument(document);
        if (count() == before) {
            return;
        }
        updateDataSize(-BsonCodec.sizeOf(document));
        if (cappedLimits != null) {
            insertionOrder.remove(document.get("_id"));
        }
        if (captured()) {
            changeLog().append(ChangeDraft.delete(namespace(), getUuid(), document, keepsImages()));
        }
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        escapes.restore(oldDocument);
        escapes.restore(newDocument);
        mayHoldUnusualNames |= FieldNameEscapes.presentIn(newDocument);
        if (replacing != null) {
            inReplacementOrder(newDocument, replacing);
        }
        super.handleUpdate(position, oldDocument, newDocument);
        updateDataSize(BsonCodec.sizeOf(newDocument) - BsonCodec.sizeOf(oldDocument));
        if (!captured()) {
            return;
        }
        try {
            DocumentValidation.check(options, newDocument, oldDocument);
            checkPreparedUnique(newDocument);
        } catch (MongoServerError e) {
            revert(position, oldDocument, newDocument);
            throw e;
        }
        changeLog().append(replacing != null
            ? ChangeDraft.replace(namespace(), getUuid(), oldDocument, newDocument, keepsImages())
            : ChangeDraft.update(namespace(), getUuid(), oldDocument, newDocument, keepsImages()));
    }

    private void checkPreparedUnique(Document written) {
        for (PreparedUniqueIndex index : preparedUnique.values()) {
            index.checkNoOtherHas(written, handleQuery(new Document()), this);
        }
    }

    synchronized void prepareUnique(PreparedUniqueIndex index) {
        preparedUnique.put(index.name(), index);
    }

    synchronized void forgetPreparedUnique(String indexName) {
        preparedUnique.remove(indexName);
    }

    /** The groups of documents that share a key of the index, as collMod's CannotConvertIndexToUnique lists them. */
    synchronized List<Document> uniqueViolations(PreparedUniqueIndex index) {
        return index.violations(handleQuery(new Document()));
    }

    /** Replaces the library's non-unique index with its unique one, built over the documents (which have no duplicates). */
    synchronized void convertToUnique(String indexName, Index<Integer> unique) {
        dropIndex(indexName);
        addIndex(unique);
        preparedUnique.remove(indexName);
    }

    /** Undoes an update the library already applied to the stored document and its indexes. */
    private void revert(Integer position, Document oldDocument, Document storedDocument) {
        for (Index<Integer> index : getIndexes()) {
            index.updateInPlace(storedDocument, oldDocument, position, this);
        }
        updateDataSize(BsonCodec.sizeOf(oldDocument) - BsonCodec.sizeOf(storedDocument));
        storedDocument.clear();
        storedDocument.putAll(oldDocument);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        boolean replacement = isReplacement(update);
        return withEscapedNames(() -> whileReplacing(replacement ? update : null, () -> super.updateDocuments(selector,
            replacement ? escaped(update) : update, arrayFilters, isMulti, isUpsert, oplog)));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        Object update = query.get("update");
        if (update instanceof List) {
            throw PipelineUpdates.refusal();
        }
        boolean replacement = update instanceof Document document && isReplacement(document);
        return withEscapedNames(() -> {
            Document forLibrary = replacement ? withUpdate(query, escaped((Document) update)) : query;
            Document reply = whileReplacing(replacement ? (Document) update : null, () -> super.findAndModify(forLibrary));
            if (reply.get("value") instanceof Document value) {
                escapes.restore(value);
            }
            return reply;
        });
    }

    /**
     * A pipeline-style update: each matched document (the first unless {@code multi}) becomes {@code pipeline}'s output,
     * recorded as an update event; without a match, {@code upsert} inserts the pipeline's output over the selector's
     * equality fields.
     */
    synchronized Document updateWithPipeline(Document selector, boolean multi, boolean upsert, UnaryOperator<Document> pipeline) {
        int matched = 0;
        int modified = 0;
        for (Document stored : handleQuery(selector, 0, multi ? 0 : 1)) {
            Object id = stored.get("_id");
            Document updated = pipeline.apply(stored.cloneDeeply());
            if (updated.containsKey("_id") && !Objects.equals(updated.get("_id"), id)) {
                throw MongoErrors.IMMUTABLE_FIELD.error("Performing an update on the path '_id' would modify the immutable field '_id'");
            }
            updated.remove("_id");
            Document reply = withEscapedNames(() -> whileReplacing(null, () -> super.updateDocuments(new Document("_id", id),
                escaped(updated), ArrayFilters.empty(), false, false, NoopOplog.get())));
            matched++;
            modified += ((Number) reply.get("nModified")).intValue();
        }
        Document result = new Document("n", matched).append("nModified", modified);
        if (matched == 0 && upsert) {
            Document inserted = pipeline.apply(equalityFields(selector));
            inserted.putIfAbsent("_id", selector.get("_id") instanceof Document || selector.get("_id") == null
                ? new ObjectId() : selector.get("_id"));
            addDocument(inserted);
            result.put("n", 1);
            result.put("upserted", List.of(new Document("index", 0).append("_id", inserted.get("_id"))));
        }
        return result;
    }

    private static Document equalityFields(Document selector) {
        Document fields = new Document();
        selector.forEach((field, value) -> {
            if (!field.startsWith("$") && !(value instanceof Document condition && condition.keySet().stream().anyMatch(key -> key.startsWith("$")))) {
                fields.put(field, value);
            }
        });
        return fields;
    }

    /** Runs an update with the unusual top-level names of the stored documents escaped, then restores them. */
    private Document withEscapedNames(Supplier<Document> update) {
        FieldNameEscapes outer = escapes;
        escapes = new FieldNameEscapes();
        List<Document> escaped = mayHoldUnusualNames
            ? streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument).filter(escapes::escape).toList()
            : List.of();
        try {
            return update.get();
        } finally {
            escaped.forEach(escapes::restore);
            escapes = outer;
        }
    }

    private static Document withUpdate(Document findAndModify, Document update) {
        Document copy = findAndModify.clone();
        copy.put("update", update);
        return copy;
    }

    /** A replacement with its unusual top-level names escaped, so the library's update path takes it. */
    private Document escaped(Document replacement) {
        if (!FieldNameEscapes.presentIn(replacement)) {
            return replacement;
        }
        Document copy = replacement.clone();
        escapes.escape(copy);
        return copy;
    }

    /** Runs {@code write} as a replacement by {@code replacementDocument}, or as an update when it is null. */
    private Document whileReplacing(Document replacementDocument, Supplier<Document> write) {
        Document outer = replacing;
        replacing = replacementDocument;
        try {
            return write.get();
        } finally {
            replacing = outer;
        }
    }

    /**
     * As MongoDB stores a replacement: {@code _id} first, then the replacement's fields in its order (the library keeps
     * the fields the old document had where they were, so replaying a replace could leave another field order).
     */
    private static void inReplacementOrder(Document document, Document replacementDocument) {
        Document ordered = new Document();
        if (document.containsKey("_id")) {
            ordered.put("_id", document.get("_id"));
        }
        replacementDocument.keySet().stream().filter(document::containsKey).forEach(field -> ordered.put(field, document.get(field)));
        document.keySet().forEach(field -> ordered.putIfAbsent(field, document.get(field)));
        document.clear();
        document.putAll(ordered);
    }

    private static boolean isReplacement(Document update) {
        return update.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    private boolean captured() {
        return !getCollectionName().startsWith("system.") && !namespace().isInternalDatabase();
    }

    private boolean keepsImages() {
        return options.get("changeStreamPreAndPostImages") instanceof Document images
            && Boolean.TRUE.equals(images.get("enabled"));
    }

    Namespace namespace() {
        return new Namespace(getDatabaseName(), getCollectionName());
    }

    private ChangeLog changeLog() {
        return ((EmulatedDatabase) getDatabase()).changeLog();
    }
}
