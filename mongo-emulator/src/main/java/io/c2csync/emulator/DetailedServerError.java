package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/** A MongoDB error whose reply carries more fields than errmsg and code, such as collMod's {@code violations}. */
final class DetailedServerError extends MongoServerError {

    private static final long serialVersionUID = 1L;

    private final transient Document details;

    DetailedServerError(int code, String codeName, String message, Document details) {
        super(code, codeName, message);
        this.details = details.cloneDeeply();
    }

    Document details() {
        return details.cloneDeeply();
    }
}
