package io.c2csync.emulator;

import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A change as the write path saw it, before the change log stamps it with a cluster time.
 * Images are copies, never the stored documents.
 *
 * @param preImage  the document before the change, kept only where pre- and post-images are enabled
 * @param postImage the document after the change, kept only where pre- and post-images are enabled
 * @param details   the fields a DDL event carries after {@code ns}: {@code to}, {@code operationDescription},
 *                  {@code stateBeforeChange}
 */
record ChangeDraft(OperationType operationType, Namespace namespace, UUID collectionUuid, Document documentKey,
                   Document fullDocument, Document updateDescription, Document preImage, Document postImage,
                   Document details) {

    static ChangeDraft insert(Namespace namespace, UUID uuid, Document inserted) {
        Document copy = inserted.cloneDeeply();
        return new ChangeDraft(OperationType.INSERT, namespace, uuid, keyOf(copy), copy, null, null, null, null);
    }

    static ChangeDraft replace(Namespace namespace, UUID uuid, Document before, Document after, boolean keepImages) {
        Document copy = after.cloneDeeply();
        return new ChangeDraft(OperationType.REPLACE, namespace, uuid, keyOf(copy), copy, null,
            keepImages ? before.cloneDeeply() : null, keepImages ? copy : null, null);
    }

    static ChangeDraft update(Namespace namespace, UUID uuid, Document before, Document after, boolean keepImages) {
        Document description = UpdateDescriptions.between(before, after);
        return new ChangeDraft(OperationType.UPDATE, namespace, uuid, keyOf(after), null, description,
            keepImages ? before.cloneDeeply() : null, keepImages ? after.cloneDeeply() : null, null);
    }

    static ChangeDraft delete(Namespace namespace, UUID uuid, Document deleted, boolean keepImages) {
        return new ChangeDraft(OperationType.DELETE, namespace, uuid, keyOf(deleted), null, null,
            keepImages ? deleted.cloneDeeply() : null, null, null);
    }

    static ChangeDraft create(Namespace namespace, UUID uuid, Document options) {
        return ddl(OperationType.CREATE, namespace, uuid, new Document("operationDescription", options.cloneDeeply()));
    }

    static ChangeDraft drop(Namespace namespace, UUID uuid) {
        return ddl(OperationType.DROP, namespace, uuid, new Document());
    }

    static ChangeDraft rename(Namespace from, UUID uuid, Namespace to, UUID droppedTarget) {
        Document description = new Document("to", to.toDocument());
        if (droppedTarget != null) {
            description.put("dropTarget", droppedTarget);
        }
        return ddl(OperationType.RENAME, from, uuid, new Document("to", to.toDocument()).append("operationDescription", description));
    }

    static ChangeDraft dropDatabase(String database) {
        return ddl(OperationType.DROP_DATABASE, new Namespace(database, null), null, new Document());
    }

    static ChangeDraft createIndexes(Namespace namespace, UUID uuid, List<Document> indexes) {
        return ddl(OperationType.CREATE_INDEXES, namespace, uuid,
            new Document("operationDescription", new Document("indexes", copies(indexes))));
    }

    static ChangeDraft dropIndexes(Namespace namespace, UUID uuid, List<Document> indexes) {
        return ddl(OperationType.DROP_INDEXES, namespace, uuid,
            new Document("operationDescription", new Document("indexes", copies(indexes))));
    }

    static ChangeDraft modify(Namespace namespace, UUID uuid, Document change, Document stateBeforeChange) {
        return ddl(OperationType.MODIFY, namespace, uuid, new Document("operationDescription", change.cloneDeeply())
            .append("stateBeforeChange", stateBeforeChange.cloneDeeply()));
    }

    private static ChangeDraft ddl(OperationType type, Namespace namespace, UUID uuid, Document details) {
        return new ChangeDraft(type, namespace, uuid, null, null, null, null, null, details);
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(Document::cloneDeeply).toList();
    }

    private static Document keyOf(Document document) {
        return new Document("_id", document.get("_id"));
    }
}
