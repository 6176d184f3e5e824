package io.c2csync.emulator;

import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A change as the write path saw it, before the change log stamps it with a cluster time.
 * Images are copies, never the stored documents.
 *
 * @param preImage  the document before the change, kept only where pre- and post-images are enabled
 * @param postImage the document after the change, kept only where pre- and post-images are enabled
 */
record ChangeDraft(OperationType operationType, Namespace namespace, UUID collectionUuid, Document documentKey,
                   Document fullDocument, Document updateDescription, Document preImage, Document postImage) {

    static ChangeDraft insert(Namespace namespace, UUID uuid, Document inserted) {
        Document copy = inserted.cloneDeeply();
        return new ChangeDraft(OperationType.INSERT, namespace, uuid, keyOf(copy), copy, null, null, null);
    }

    static ChangeDraft replace(Namespace namespace, UUID uuid, Document before, Document after, boolean keepImages) {
        Document copy = after.cloneDeeply();
        return new ChangeDraft(OperationType.REPLACE, namespace, uuid, keyOf(copy), copy, null,
            keepImages ? before.cloneDeeply() : null, keepImages ? copy : null);
    }

    static ChangeDraft update(Namespace namespace, UUID uuid, Document before, Document after, boolean keepImages) {
        Document description = UpdateDescriptions.between(before, after);
        return new ChangeDraft(OperationType.UPDATE, namespace, uuid, keyOf(after), null, description,
            keepImages ? before.cloneDeeply() : null, keepImages ? after.cloneDeeply() : null);
    }

    static ChangeDraft delete(Namespace namespace, UUID uuid, Document deleted, boolean keepImages) {
        return new ChangeDraft(OperationType.DELETE, namespace, uuid, keyOf(deleted), null, null,
            keepImages ? deleted.cloneDeeply() : null, null);
    }

    private static Document keyOf(Document document) {
        return new Document("_id", document.get("_id"));
    }
}
