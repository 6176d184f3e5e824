package io.c2csync.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each change of the writer was issued on the source, keyed by what identifies it on the destination:
 * {@code v<version>} for inserts and updates (every write sets a new version), {@code d<_id>} for deletes.
 */
public final class WriteLog {

    /** @param nanos System.nanoTime() just before the write; @param run which rate run wrote it */
    public record Stamp(long nanos, int run, double secondsIntoRun) {
    }

    private final Map<String, Stamp> pending = new ConcurrentHashMap<>();

    void issued(String key, Stamp stamp) {
        pending.put(key, stamp);
    }

    /** The stamp of a change seen on the destination, or null if it was not (or no longer) pending. */
    Stamp seen(String key) {
        return pending.remove(key);
    }

    long pendingOf(int run) {
        return pending.values().stream().filter(stamp -> stamp.run() == run).count();
    }
}
