package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The library runs every statement of an {@code update} command even after one fails. MongoDB stops at the first
 * error when {@code ordered} (the default): run the statements one at a time and merge the replies.
 */
final class OrderedUpdates {

    private OrderedUpdates() {
    }

    static Document run(Document command, UnaryOperator<Document> executeOne) {
        List<?> statements = (List<?>) command.get("updates");
        if (Boolean.FALSE.equals(command.get("ordered")) || statements == null || statements.size() < 2) {
            return executeOne.apply(command);
        }
        int matched = 0;
        int modified = 0;
        List<Document> upserted = new ArrayList<>();
        List<Document> writeErrors = new ArrayList<>();
        for (int index = 0; index < statements.size() && writeErrors.isEmpty(); index++) {
            Document single = command.clone();
            single.put("updates", List.of(statements.get(index)));
            Document reply = executeOne.apply(single);
            int upserts = reindex(reply.get("upserted"), index, upserted);
            matched += ((Number) reply.get("n")).intValue() - upserts;
            modified += ((Number) reply.get("nModified")).intValue();
            reindex(reply.get("writeErrors"), index, writeErrors);
        }
        Document merged = new Document("n", matched + upserted.size()).append("nModified", modified);
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
