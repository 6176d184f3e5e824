package io.c2csync.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps writes to a database out of its dropDatabase: MongoDB refuses them until the drop is done
 * (215 DatabaseDropPending), so no write lands between the collection drops and the
 * {@code dropDatabase} event. Here such a write waits for the drop instead.
 */
final class DatabaseDrops {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
        "createindexes");

    private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

    <T> T write(String database, String command, Supplier<T> write) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return write.get();
        }
        return holding(lock(database).readLock(), write);
    }

    void drop(String database, Runnable drop) {
        holding(lock(database).writeLock(), () -> {
            drop.run();
            return null;
        });
    }

    private ReentrantReadWriteLock lock(String database) {
        return locks.computeIfAbsent(database, name -> new ReentrantReadWriteLock());
    }

    private static <T> T holding(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
