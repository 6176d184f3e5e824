package io.c2csync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Cursors over find and aggregate results. The library answers with every result in the first batch; MongoDB
 * sends 101 documents (or {@code batchSize}) at most, never more than 16 MiB per batch, and the rest on getMore.
 */
final class QueryCursors {

    static final int DEFAULT_FIRST_BATCH_SIZE = 101;
    private static final long MAX_BATCH_BYTES = 16L * 1024 * 1024 - 64 * 1024;

    private record OpenCursor(String namespace, List<Document> remaining) {
    }

    private final LongSupplier cursorIds;
    private final Map<Long, OpenCursor> cursors = new ConcurrentHashMap<>();

    QueryCursors(LongSupplier cursorIds) {
        this.cursorIds = cursorIds;
    }

    /** Cuts a complete result into MongoDB's first batch, keeping the rest behind a cursor. */
    Document firstBatch(Document completeReply, int batchSize, boolean singleBatch) {
        Document cursor = (Document) completeReply.get("cursor");
        @SuppressWarnings("unchecked")
        List<Document> results = (List<Document>) cursor.get("firstBatch");
        int size = batchSize > 0 ? batchSize : DEFAULT_FIRST_BATCH_SIZE;
        int cut = cut(results, 0, size);
        long id = 0L;
        if (cut < results.size() && !singleBatch) {
            id = cursorIds.getAsLong();
            cursors.put(id, new OpenCursor((String) cursor.get("ns"), new ArrayList<>(results.subList(cut, results.size()))));
        }
        Document limited = new Document("firstBatch", new ArrayList<>(results.subList(0, cut)))
            .append("id", id).append("ns", cursor.get("ns"));
        return new Document("cursor", limited).append("ok", 1.0);
    }

    boolean owns(Object cursorId) {
        return cursorId instanceof Number id && cursors.containsKey(id.longValue());
    }

    boolean kill(long cursorId) {
        return cursors.remove(cursorId) != null;
    }

    Document getMore(Document query) {
        long id = ((Number) query.get("getMore")).longValue();
        OpenCursor cursor = cursors.get(id);
        if (cursor == null) {
            throw MongoErrors.CURSOR_NOT_FOUND.error("cursor id " + id + " not found");
        }
        int batchSize = query.get("batchSize") instanceof Number size ? size.intValue() : Integer.MAX_VALUE;
        List<Document> batch;
        synchronized (cursor) {
            int cut = cut(cursor.remaining(), 0, batchSize);
            List<Document> head = cursor.remaining().subList(0, cut);
            batch = new ArrayList<>(head);
            head.clear();
        }
        boolean exhausted = cursor.remaining().isEmpty();
        if (exhausted) {
            cursors.remove(id);
        }
        Document reply = new Document("nextBatch", batch).append("id", exhausted ? 0L : id).append("ns", cursor.namespace());
        return new Document("cursor", reply).append("ok", 1.0);
    }

    /** How many documents from {@code from} fit in one batch of at most {@code maxDocuments}. */
    private static int cut(List<Document> documents, int from, int maxDocuments) {
        long bytes = 0;
        int end = from;
        while (end < documents.size() && end - from < maxDocuments) {
            bytes += BsonCodec.sizeOf(documents.get(end));
            if (bytes > MAX_BATCH_BYTES && end > from) {
                break;
            }
            end++;
        }
        return end;
    }
}
