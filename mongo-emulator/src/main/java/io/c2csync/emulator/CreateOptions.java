package io.c2csync.emulator;

import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The collection options of {@code create} and {@code collMod} that the emulator stores, reports and enforces;
 * anything it cannot honour is refused instead of being silently ignored.
 */
final class CreateOptions {

    /** Fields of any command that are not options of the command itself. */
    static final Set<String> GENERIC_FIELDS = Set.of("lsid", "txnNumber", "writeConcern", "comment", "apiVersion",
        "apiStrict", "apiDeprecationErrors", "maxTimeMS", "readConcern", "autocommit", "startTransaction");
    private static final Set<String> STORED = Set.of("validator", "validationLevel", "validationAction",
        "changeStreamPreAndPostImages", "collation", "capped", "size", "max");
    private static final Set<String> REFUSED = Set.of("timeseries", "clusteredIndex",
        "expireAfterSeconds", "encryptedFields", "storageEngine", "indexOptionDefaults", "recordPreImages");
    private static final Set<String> LIBRARY_HANDLED = Set.of("autoIndexId");
    private static final Set<String> CREATE_ONLY = Set.of("capped", "size", "max");
    private static final Set<String> ID_INDEX_FIELDS = Set.of("key", "name", "v", "ns", "collation");
    private static final Set<String> COLLMOD_ONLY = Set.of("cappedSize", "cappedMax");

    private CreateOptions() {
    }

    /** The options of a {@code create} command, as {@code listCollections} reports them. */
    static Document ofCreate(Document command) {
        Document options = collect(command, "create", LIBRARY_HANDLED);
        CappedLimits.normalize(options);
        checkIdIndex(options.remove("idIndex"));
        return options;
    }

    /**
     * The {@code idIndex} option, which the sync copies from {@code listCollections}: accepted when it describes the
     * only {@code _id} index the emulator has (as MongoDB, {@code listCollections} reports it apart from the options).
     */
    private static void checkIdIndex(Object idIndex) {
        if (idIndex == null) {
            return;
        }
        if (!(idIndex instanceof Document spec)) {
            throw MongoErrors.TYPE_MISMATCH.error("BSON field 'create.idIndex' must be an object, got " + idIndex);
        }
        for (String field : spec.keySet()) {
            if (!ID_INDEX_FIELDS.contains(field)) {
                throw MongoErrors.INVALID_INDEX_SPECIFICATION_OPTION.error("The field '" + field
                    + "' is not valid for an _id index specification. Specification: " + spec);
            }
        }
        if (!(spec.get("key") instanceof Document key && key.size() == 1 && key.get("_id") instanceof Number direction
            && direction.doubleValue() == 1)) {
            throw MongoErrors.BAD_VALUE.error("The field 'key' for an _id index must be {_id: 1}, but got " + spec.get("key"));
        }
        Collations.requireSimple(spec.get("collation"), "create");
        if (spec.containsKey("name") && !"_id_".equals(spec.get("name"))
            || spec.get("v") instanceof Number version && version.intValue() != 2) {
            throw MongoErrors.NOT_IMPLEMENTED.error("an idIndex other than {v: 2, key: {_id: 1}, name: \"_id_\"} is not"
                + " supported by the c2c-sync MongoDB emulator: " + spec);
        }
    }

    /** The create command the library runs: without the capped options it refuses and the emulator enforces itself. */
    static Document forLibrary(Document command) {
        Document forLibrary = command.clone();
        CREATE_ONLY.forEach(forLibrary::remove);
        forLibrary.remove("idIndex");
        return forLibrary;
    }

    /** The collection options a {@code collMod} changes, and its {@code dryRun} flag ({@code index} is handled separately). */
    static Document ofCollMod(Document command) {
        Document options = collect(command, "collMod", Set.of("index", "dryRun"));
        if (command.containsKey("dryRun")) {
            options.put("dryRun", command.get("dryRun"));
        }
        return options;
    }

    private static Document collect(Document command, String commandName, Set<String> passThrough) {
        Document options = new Document();
        for (String field : command.keySet()) {
            if (field.equals(commandName) || field.startsWith("$") || GENERIC_FIELDS.contains(field) || passThrough.contains(field)) {
                continue;
            }
            if (REFUSED.contains(field) || (commandName.equals("collMod") && CREATE_ONLY.contains(field))) {
                throw MongoErrors.NOT_IMPLEMENTED.error(commandName + " option '" + field
                    + "' is not supported by the c2c-sync MongoDB emulator");
            }
            if (!STORED.contains(field) && !(commandName.equals("collMod") && COLLMOD_ONLY.contains(field))
                && !(commandName.equals("create") && field.equals("idIndex"))) {
                throw MongoErrors.UNKNOWN_FIELD.error("BSON field '" + commandName + "." + field + "' is an unknown field.");
            }
            options.put(field, command.get(field));
        }
        validate(options, commandName);
        return options;
    }

    private static void validate(Document options, String commandName) {
        Collations.requireSimple(options.get("collation"), commandName);
        options.remove("collation");
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
