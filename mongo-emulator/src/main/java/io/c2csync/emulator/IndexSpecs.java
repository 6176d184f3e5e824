package io.c2csync.emulator;

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
