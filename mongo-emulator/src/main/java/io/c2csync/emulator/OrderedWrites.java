package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * Runs the statements of an {@code update} or {@code delete} command one at a time, as MongoDB does: a failing
 * statement becomes a write error with its index, and an {@code ordered} command (the default) stops there. The
 * library runs every update statement even after one failed, and fails a whole delete command on one bad statement.
 */
final class OrderedWrites {

    private OrderedWrites() {
    }

    /** @param statementsField {@code updates} or {@code deletes} */
    static Document run(Document command, String statementsField, UnaryOperator<Document> executeOne) {
        if (!(command.get(statementsField) instanceof List<?> statements)) {
            return executeOne.apply(command);
        }
        boolean ordered = !Boolean.FALSE.equals(command.get("ordered"));
        int affected = 0;
        int modified = 0;
        List<Document> upserted = new ArrayList<>();
        List<Document> writeErrors = new ArrayList<>();
        for (int index = 0; index < statements.size() && (writeErrors.isEmpty() || !ordered); index++) {
            Document single = command.clone();
            single.put(statementsField, List.of(statements.get(index)));
            Document reply;
            try {
                reply = executeOne.apply(single);
            } catch (MongoServerError e) {
                writeErrors.add(new Document("index", index).append("code", e.getCode()).append("codeName", e.getCodeName())
                    .append("errmsg", e.getMessageWithoutErrorCode()));
                continue;
            }
            int upserts = reindex(reply.get("upserted"), index, upserted);
            affected += ((Number) reply.get("n")).intValue() - upserts;
            modified += reply.get("nModified") instanceof Number count ? count.intValue() : 0;
            reindex(reply.get("writeErrors"), index, writeErrors);
        }
        Document merged = new Document("n", affected + upserted.size());
        if (statementsField.equals("updates")) {
            merged.put("nModified", modified);
        }
        if (!upserted.isEmpty()) {
            merged.put("upserted", upserted);
        }
        if (!writeErrors.isEmpty()) {
            merged.put("writeErrors", writeErrors);
        }
        merged.put("ok", 1.0);
        return merged;
    }

    private static int reindex(Object entries, int index, List<Document> into) {
        if (!(entries instanceof List<?> list)) {
            return 0;
        }
        for (Object entry : list) {
            Document copy = ((Document) entry).clone();
            copy.put("index", index);
            into.add(copy);
        }
        return list.size();
    }
}
