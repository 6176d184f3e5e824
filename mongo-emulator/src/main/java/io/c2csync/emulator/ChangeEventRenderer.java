package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;

/** Turns a logged change into the change-stream event document a MongoDB 6.0 server would send. */
final class ChangeEventRenderer {

    /** Finds the current version of a document, or null when it (or its collection) no longer exists. */
    @FunctionalInterface
    interface DocumentLookup {
        Document find(Namespace namespace, Document documentKey);
    }

    private final DocumentLookup lookup;

    ChangeEventRenderer(DocumentLookup lookup) {
        this.lookup = lookup;
    }

    Document render(ChangeEvent event, ChangeStreamSpec spec) {
        ChangeDraft change = event.change();
        OperationType type = change.operationType();
        Document rendered = new Document("_id", event.resumeToken().toDocument());
        rendered.put("operationType", type.wireName());
        rendered.put("clusterTime", event.clusterTime());
        rendered.put("wallTime", event.wallTime());
        if (spec.showExpandedEvents()) {
            rendered.put("collectionUUID", change.collectionUuid());
        }
        switch (type) {
            case INSERT, REPLACE -> rendered.put("fullDocument", change.fullDocument());
            case UPDATE -> putPostImage(rendered, event, spec);
            case DELETE -> { }
        }
        rendered.put("ns", change.namespace().toDocument());
        rendered.put("documentKey", change.documentKey());
        if (type == OperationType.UPDATE) {
            rendered.put("updateDescription", updateDescription(change, spec));
        }
        if (type != OperationType.INSERT) {
            putPreImage(rendered, event, spec);
        }
        return rendered;
    }

    private void putPostImage(Document rendered, ChangeEvent event, ChangeStreamSpec spec) {
        ChangeDraft change = event.change();
        switch (spec.fullDocument()) {
            case DEFAULT -> { }
            case UPDATE_LOOKUP -> rendered.put("fullDocument", lookup.find(change.namespace(), change.documentKey()));
            case WHEN_AVAILABLE -> rendered.put("fullDocument", change.postImage());
            case REQUIRED -> rendered.put("fullDocument", required(change.postImage(), "post-image", event));
        }
    }

    private static void putPreImage(Document rendered, ChangeEvent event, ChangeStreamSpec spec) {
        switch (spec.fullDocumentBeforeChange()) {
            case OFF -> { }
            case WHEN_AVAILABLE -> rendered.put("fullDocumentBeforeChange", event.change().preImage());
            case REQUIRED -> rendered.put("fullDocumentBeforeChange", required(event.change().preImage(), "pre-image", event));
        }
    }

    private static Document required(Document image, String kind, ChangeEvent event) {
        if (image == null) {
            throw MongoErrors.NO_MATCHING_DOCUMENT.error("Change stream was configured to require a " + kind
                + " for all update, delete and replace events, but the " + kind + " was not found for event: "
                + event.resumeToken().data() + " (enable changeStreamPreAndPostImages on the collection)");
        }
        return image;
    }

    private static Document updateDescription(ChangeDraft change, ChangeStreamSpec spec) {
        Document description = change.updateDescription().clone();
        if (!spec.showExpandedEvents()) {
            description.remove("disambiguatedPaths");
        }
        return description;
    }
}
