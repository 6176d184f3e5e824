package io.c2csync.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Checks the index options of {@code createIndexes}. mongo-java-server enforces only plain unique indexes (and
 * ignores non-unique ones for correctness), so options that would change what a unique index admits are refused.
 */
final class IndexSpecs {

    private static final Set<String> KNOWN = Set.of("key", "name", "unique", "sparse", "partialFilterExpression",
        "expireAfterSeconds", "hidden", "collation", "v", "background", "weights", "default_language",
        "language_override", "textIndexVersion", "2dsphereIndexVersion", "bits", "min", "max", "wildcardProjection", "ns");

    private IndexSpecs() {
    }

    /** Options that make two indexes on the same key different indexes. */
    private static final List<String> DEFINING = List.of("unique", "sparse", "partialFilterExpression",
        "expireAfterSeconds");

    /**
     * Refuses a requested index that conflicts with an existing one as MongoDB does: the same name on another key
     * (86 IndexKeySpecsConflict), the same key under another name or the same name and key with other options (85
     * IndexOptionsConflict). An identical request is no conflict (it creates nothing).
     */
    static void checkConflicts(Document requested, List<Document> existing) {
        for (Document index : existing) {
            boolean sameName = index.get("name").equals(requested.get("name"));
            boolean sameKey = index.get("key").equals(requested.get("key"));
            if (sameName && !sameKey) {
                throw MongoErrors.INDEX_KEY_SPECS_CONFLICT.error("An existing index has the same name as the requested index."
                    + " Requested index: " + requested + ", existing index: " + index);
            }
            if (sameKey && !sameOptions(index, requested)) {
                throw MongoErrors.INDEX_OPTIONS_CONFLICT.error(sameName
                    ? "An equivalent index already exists with the same name but different options. Requested index: "
                        + requested + ", existing index: " + index
                    : "An equivalent index already exists with a different name and options. Requested index: "
                        + requested + ", existing index: " + index);
            }
            if (sameKey && !sameName) {
                throw MongoErrors.INDEX_OPTIONS_CONFLICT.error("Index already exists with a different name: " + index.get("name"));
            }
        }
    }

    private static boolean sameOptions(Document index, Document requested) {
        return DEFINING.stream().allMatch(option -> Objects.equals(normalized(index.get(option)), normalized(requested.get(option))));
    }

    private static Object normalized(Object option) {
        if (Boolean.FALSE.equals(option)) {
            return null;
        }
        return option instanceof Number number ? number.doubleValue() : option;
    }

    static void validate(Document spec) {
        for (String field : spec.keySet()) {
            if (!KNOWN.contains(field)) {
                throw MongoErrors.UNKNOWN_FIELD.error("BSON field 'createIndexes.indexes." + field + "' is an unknown field.");
            }
        }
        if (!(spec.get("key") instanceof Document key) || key.isEmpty()) {
            throw MongoErrors.BAD_VALUE.error("index specification must have a non-empty 'key' document: " + spec);
        }
        if (!(spec.get("name") instanceof String)) {
            throw MongoErrors.BAD_VALUE.error("index specification must have a 'name': " + spec);
        }
        Collations.requireSimple(spec.get("collation"), "index " + spec.get("name"));
        if (Boolean.TRUE.equals(spec.get("unique"))) {
            if (spec.containsKey("partialFilterExpression")) {
                throw MongoErrors.NOT_IMPLEMENTED.error("unique indexes with a partialFilterExpression are not supported"
                    + " by the c2c-sync MongoDB emulator (index " + spec.get("name") + ")");
            }
            for (Object direction : key.values()) {
                if (!(direction instanceof Number)) {
                    throw MongoErrors.NOT_IMPLEMENTED.error("unique '" + direction + "' indexes are not supported by the"
                        + " c2c-sync MongoDB emulator (index " + spec.get("name") + ")");
                }
            }
        }
    }
}
