package io.c2csync.emulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Executes a retryable write once per session and transaction number: a retry (same {@code lsid} and
 * {@code txnNumber}) gets the first attempt's reply instead of running again.
 */
final class RetryableWrites {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");
    private static final int REMEMBERED = 10_000;

    private final Map<String, Document> replies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > REMEMBERED;
        }
    };

    Document execute(String command, Document query, Supplier<Document> write) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT)) || !(query.get("lsid") instanceof Document session)
            || !(query.get("txnNumber") instanceof Number txnNumber)) {
            return write.get();
        }
        String key = session.get("id") + "/" + txnNumber.longValue();
        synchronized (replies) {
            Document previous = replies.get(key);
            if (previous != null) {
                return previous.clone();
            }
        }
        Document reply = write.get();
        synchronized (replies) {
            replies.put(key, reply.clone());
        }
        return reply;
    }
}
