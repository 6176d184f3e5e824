package io.c2csync.controlplane.faults;

import static io.c2csync.runtime.Await.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;

/**
 * Recovery time: probe documents written to the source after a fault (one per database, so one per sync group,
 * each behind whatever its group still has to deliver), and the time from the fault until all are on the
 * destination.
 */
public final class RecoveryProbe {
    public static final String COLLECTION = "probes";
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    private final List<String> databases;
    private final String id;

    private RecoveryProbe(List<String> databases, String id) {
        this.databases = databases;
        this.id = id;
    }

    /**
     * Writes probe {@code id} into {@code databases} on the source, retrying while the source is unreachable
     * (for at most {@link FaultRun#STEP}).
     */
    public static RecoveryProbe write(MongoClient source, List<String> databases, String id) {
        long deadline = System.nanoTime() + FaultRun.STEP.toNanos();
        for (String database : databases) {
            while (true) {
                try {
                    source.getDatabase(database).getCollection(COLLECTION).replaceOne(Filters.eq("_id", id),
                            new Document("_id", id).append("writtenAt", new Date()), new ReplaceOptions().upsert(true));
                    break;
                } catch (MongoException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("probe " + id + " could not be written for " + FaultRun.STEP, e);
                    }
                    LockSupport.parkNanos(RETRY_PAUSE.toNanos());
                }
            }
        }
        return new RecoveryProbe(databases, id);
    }

    /** Waits until every probe is on {@code destination}; the time from {@code faultAt} until then. */
    public Duration awaitArrival(MongoClient destination, Instant faultAt) {
        await("probe " + id + " on the destination", FaultRun.STEP).until(() -> databases.stream()
                .allMatch(database -> destination.getDatabase(database).getCollection(COLLECTION)
                        .find(Filters.eq("_id", id)).first() != null));
        Instant arrived = Instant.now();
        return Duration.between(faultAt, arrived);
    }
}
