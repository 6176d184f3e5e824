package io.c2csync.emulator;

import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Enforces a collection's {@code validator} with its {@code validationLevel} and {@code validationAction}, unless
 * the command asked for {@code bypassDocumentValidation}.
 */
final class DocumentValidation {

    private static final ThreadLocal<Boolean> BYPASS = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private DocumentValidation() {
    }

    static Document whileBypassing(boolean bypass, Supplier<Document> command) {
        boolean outer = BYPASS.get();
        BYPASS.set(bypass);
        try {
            return command.get();
        } finally {
            BYPASS.set(outer);
        }
    }

    /**
     * @param previous the document before an update, or null for an insert
     * @throws de.bwaldvogel.mongo.exception.MongoServerError 121 when the document fails validation
     */
    static void check(Document options, Document candidate, Document previous) {
        if (!(options.get("validator") instanceof Document validator) || BYPASS.get()
            || "off".equals(options.get("validationLevel")) || "warn".equals(options.get("validationAction"))) {
            return;
        }
        DefaultQueryMatcher matcher = new DefaultQueryMatcher();
        boolean moderate = "moderate".equals(options.get("validationLevel"));
        if (moderate && previous != null && !matcher.matches(previous, validator)) {
            return;
        }
        if (!matcher.matches(candidate, validator)) {
            Document details = new Document("operatorName", "$and").append("specifiedAs", validator);
            throw MongoErrors.DOCUMENT_VALIDATION_FAILURE.error("Document failed validation: " + details);
        }
    }
}
