package io.c2csync.emulator;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/** Pipeline-style updates ({@code u: [ ... ]}) are beyond mongo-java-server; refuse them instead of guessing. */
final class PipelineUpdates {

    private PipelineUpdates() {
    }

    static MongoServerError refusal() {
        return MongoErrors.ILLEGAL_OPERATION.error(
            "pipeline-style updates (an update given as an array of stages) are not supported by the c2c-sync MongoDB emulator");
    }

    static void refuseIn(Document updateCommand) {
        if (updateCommand.get("updates") instanceof List<?> updates) {
            for (Object update : updates) {
                if (update instanceof Document statement && statement.get("u") instanceof List) {
                    throw refusal();
                }
            }
        }
    }
}
