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
        Document rendered = header(event.resumeToken(), type.wireName(), event);
        if (spec.showExpandedEvents() && change.collectionUuid() != null) {
            rendered.put("collectionUUID", change.collectionUuid());
        }
        switch (type) {
            case INSERT, REPLACE -> rendered.put("fullDocument", change.fullDocument());
            case UPDATE -> putPostImage(rendered, event, spec);
            default -> { }
        }
        rendered.put("ns", change.namespace().toDocument());
        if (type.isDocumentChange()) {
            rendered.put("documentKey", change.documentKey());
        }
        if (type == OperationType.UPDATE) {
            rendered.put("updateDescription", updateDescription(change, spec));
        }
        if (type.isDocumentChange() && type != OperationType.INSERT) {
            putPreImage(rendered, event, spec);
        }
        if (change.details() != null) {
            change.details().forEach((field, value) -> {
                if (spec.showExpandedEvents() || !field.equals("operationDescription")) {
                    rendered.put(field, value);
                }
            });
        }
        return rendered;
    }

    /** The {@code invalidate} event that closes a stream after the drop or rename of what it watches. */
    Document invalidate(ChangeEvent cause) {
        return header(ResumeToken.invalidation(cause.clusterTime()), "invalidate", cause);
    }

    private static Document header(ResumeToken token, String operationType, ChangeEvent event) {
        Document rendered = new Document("_id", token.toDocument());
        rendered.put("operationType", operationType);
        rendered.put("clusterTime", event.clusterTime());
        rendered.put("wallTime", event.wallTime());
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
