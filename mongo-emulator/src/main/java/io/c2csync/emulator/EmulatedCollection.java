package io.c2csync.emulator;

import java.util.List;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An in-memory collection that records one change event per document actually written, from inside the
 * library's write path (under the collection lock), so failed writes record nothing and events follow commit order.
 */
final class EmulatedCollection extends MemoryCollection {

    /** Whether the write in progress replaces whole documents; only touched under this collection's lock. */
    private boolean replacing;

    EmulatedCollection(EmulatedDatabase database, String collectionName, CollectionOptions options,
                       CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    public synchronized void addDocument(Document document) {
        super.addDocument(document);
        if (captured()) {
            changeLog().append(ChangeDraft.insert(namespace(), getUuid(), document));
        }
    }

    @Override
    public synchronized void removeDocument(Document document) {
        int before = count();
        super.removeDocument(document);
        if (captured() && count() < before) {
            changeLog().append(ChangeDraft.delete(namespace(), getUuid(), document, keepsImages()));
        }
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        if (captured()) {
            changeLog().append(replacing
                ? ChangeDraft.replace(namespace(), getUuid(), oldDocument, newDocument, keepsImages())
                : ChangeDraft.update(namespace(), getUuid(), oldDocument, newDocument, keepsImages()));
        }
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return whileReplacing(isReplacement(update), () -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        Object update = query.get("update");
        if (update instanceof List) {
            throw PipelineUpdates.refusal();
        }
        return whileReplacing(update instanceof Document document && isReplacement(document), () -> super.findAndModify(query));
    }

    private Document whileReplacing(boolean replacement, java.util.function.Supplier<Document> write) {
        boolean outer = replacing;
        replacing = replacement;
        try {
            return write.get();
        } finally {
            replacing = outer;
        }
    }

    private static boolean isReplacement(Document update) {
        return update.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    private boolean captured() {
        return !getCollectionName().startsWith("system.") && !namespace().isInternalDatabase();
    }

    private boolean keepsImages() {
        return emulatedDatabase().preAndPostImagesEnabled(getCollectionName());
    }

    private Namespace namespace() {
        return new Namespace(getDatabaseName(), getCollectionName());
    }

    private ChangeLog changeLog() {
        return emulatedDatabase().changeLog();
    }

    private EmulatedDatabase emulatedDatabase() {
        return (EmulatedDatabase) getDatabase();
    }
}
