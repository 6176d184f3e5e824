package io.c2csync.emulator;

import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The collection options of {@code create} and {@code collMod} that the emulator stores, reports and enforces;
 * anything it cannot honour is refused instead of being silently ignored.
 */
final class CreateOptions {

    private static final Set<String> GENERIC_FIELDS = Set.of("lsid", "txnNumber", "writeConcern", "comment", "apiVersion",
        "apiStrict", "apiDeprecationErrors", "maxTimeMS", "readConcern", "autocommit", "startTransaction");
    private static final Set<String> STORED = Set.of("validator", "validationLevel", "validationAction",
        "changeStreamPreAndPostImages", "collation");
    private static final Set<String> REFUSED = Set.of("viewOn", "pipeline", "timeseries", "clusteredIndex",
        "expireAfterSeconds", "encryptedFields", "storageEngine", "indexOptionDefaults", "recordPreImages");
    private static final Set<String> LIBRARY_HANDLED = Set.of("capped", "size", "max", "autoIndexId");

    private CreateOptions() {
    }

    /** The options of a {@code create} command, as {@code listCollections} reports them. */
    static Document ofCreate(Document command) {
        return collect(command, "create", LIBRARY_HANDLED);
    }

    /** The collection options a {@code collMod} changes (its {@code index} part is handled separately). */
    static Document ofCollMod(Document command) {
        return collect(command, "collMod", Set.of("index"));
    }

    private static Document collect(Document command, String commandName, Set<String> passThrough) {
        Document options = new Document();
        for (String field : command.keySet()) {
            if (field.equals(commandName) || field.startsWith("$") || GENERIC_FIELDS.contains(field) || passThrough.contains(field)) {
                continue;
            }
            if (REFUSED.contains(field)) {
                throw MongoErrors.NOT_IMPLEMENTED.error(commandName + " option '" + field
                    + "' is not supported by the c2c-sync MongoDB emulator");
            }
            if (!STORED.contains(field)) {
                throw MongoErrors.UNKNOWN_FIELD.error("BSON field '" + commandName + "." + field + "' is an unknown field.");
            }
            options.put(field, command.get(field));
        }
        validate(options, commandName);
        return options;
    }

    private static void validate(Document options, String commandName) {
        Collations.requireSimple(options.get("collation"), commandName);
        Object level = options.get("validationLevel");
        if (level != null && !Set.of("off", "strict", "moderate").contains(level)) {
            throw MongoErrors.BAD_VALUE.error("Enumeration value '" + level + "' for field '" + commandName + ".validationLevel' is not a valid value.");
        }
        Object action = options.get("validationAction");
        if (action != null && !Set.of("error", "warn").contains(action)) {
            throw MongoErrors.BAD_VALUE.error("Enumeration value '" + action + "' for field '" + commandName + ".validationAction' is not a valid value.");
        }
        Object validator = options.get("validator");
        if (validator != null && !(validator instanceof Document)) {
            throw MongoErrors.BAD_VALUE.error("'validator' must be an object, got " + validator);
        }
        Object images = options.get("changeStreamPreAndPostImages");
        if (images != null && !(images instanceof Document document && document.get("enabled") instanceof Boolean)) {
            throw MongoErrors.BAD_VALUE.error("changeStreamPreAndPostImages must be {enabled: <bool>}, got " + images);
        }
    }
}
