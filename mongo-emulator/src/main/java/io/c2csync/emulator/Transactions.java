package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;

/** Multi-document transactions are not emulated: a command that starts or continues one is refused. */
final class Transactions {

    private Transactions() {
    }

    static void refuse(Document command) {
        if (command.containsKey("startTransaction") || command.containsKey("autocommit")) {
            throw MongoErrors.ILLEGAL_OPERATION.error(
                "multi-document transactions are not supported by the c2c-sync MongoDB emulator");
        }
    }
}
