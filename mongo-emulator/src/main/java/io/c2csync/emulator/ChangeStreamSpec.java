package io.c2csync.emulator;

import java.util.Arrays;
import java.util.Set;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;

/** The options of a {@code $changeStream} stage. */
record ChangeStreamSpec(FullDocument fullDocument, FullDocumentBeforeChange fullDocumentBeforeChange,
                        Document resumeAfter, Document startAfter, BsonTimestamp startAtOperationTime,
                        boolean allChangesForCluster, boolean showExpandedEvents) {

    private static final Set<String> KNOWN_FIELDS = Set.of("fullDocument", "fullDocumentBeforeChange", "resumeAfter",
        "startAfter", "startAtOperationTime", "allChangesForCluster", "showExpandedEvents");

    /** An option value with the name it has on the wire. */
    interface WireValue {
        String wireName();
    }

    enum FullDocument implements WireValue {
        DEFAULT("default"), UPDATE_LOOKUP("updateLookup"), WHEN_AVAILABLE("whenAvailable"), REQUIRED("required");

        private final String wireName;

        FullDocument(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    enum FullDocumentBeforeChange implements WireValue {
        OFF("off"), WHEN_AVAILABLE("whenAvailable"), REQUIRED("required");

        private final String wireName;

        FullDocumentBeforeChange(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    static ChangeStreamSpec parse(Object stage) {
        if (!(stage instanceof Document options)) {
            throw MongoErrors.FAILED_TO_PARSE.error("the $changeStream stage specification must be an object, got " + stage);
        }
        for (String field : options.keySet()) {
            if (!KNOWN_FIELDS.contains(field)) {
                throw MongoErrors.UNKNOWN_FIELD.error("BSON field '$changeStream." + field + "' is an unknown field.");
            }
        }
        int resumeOptions = (options.containsKey("resumeAfter") ? 1 : 0) + (options.containsKey("startAfter") ? 1 : 0)
            + (options.containsKey("startAtOperationTime") ? 1 : 0);
        if (resumeOptions > 1) {
            throw MongoErrors.ONE_RESUME_OPTION_ONLY.error("Only one type of resume option is allowed, but multiple were found.");
        }
        Object startAt = options.get("startAtOperationTime");
        if (startAt != null && !(startAt instanceof BsonTimestamp)) {
            throw MongoErrors.BAD_VALUE.error("startAtOperationTime must be a timestamp, got " + startAt);
        }
        return new ChangeStreamSpec(
            mode(FullDocument.values(), options.getOrDefault("fullDocument", "default"), "fullDocument"),
            mode(FullDocumentBeforeChange.values(), options.getOrDefault("fullDocumentBeforeChange", "off"),
                "fullDocumentBeforeChange"),
            document(options, "resumeAfter"), document(options, "startAfter"), (BsonTimestamp) startAt,
            Boolean.TRUE.equals(options.get("allChangesForCluster")),
            Boolean.TRUE.equals(options.get("showExpandedEvents")));
    }

    private static Document document(Document options, String field) {
        Object value = options.get(field);
        if (value != null && !(value instanceof Document)) {
            throw MongoErrors.BAD_VALUE.error(field + " must be a resume token document, got " + value);
        }
        return (Document) value;
    }

    private static <E extends Enum<E> & WireValue> E mode(E[] modes, Object value, String field) {
        for (E mode : modes) {
            if (mode.wireName().equals(value)) {
                return mode;
            }
        }
        throw MongoErrors.BAD_VALUE.error("'" + value + "' is not a valid value for " + field + "; expected one of "
            + Arrays.stream(modes).map(WireValue::wireName).toList());
    }
}
