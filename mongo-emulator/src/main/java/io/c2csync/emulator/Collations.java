package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;

/** mongo-java-server compares strings by code point only: the simple collation is all the emulator can honour. */
final class Collations {

    private Collations() {
    }

    static void requireSimple(Object collation, String where) {
        if (collation == null) {
            return;
        }
        if (!(collation instanceof Document document) || !"simple".equals(document.get("locale"))) {
            throw MongoErrors.NOT_IMPLEMENTED.error("collation " + collation + " in " + where
                + " is not supported by the c2c-sync MongoDB emulator; only {locale: 'simple'} is");
        }
    }
}
