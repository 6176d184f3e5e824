package io.c2csync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * An application writing one operation per call at a fixed rate (open loop: it never waits for the sync): 50 %
 * inserts, 30 % updates ({@code $set} of a new version and a counter), 20 % deletes of live documents.
 */
public final class ChangeWriter {

    private static final int MIN_LIVE = 100;
    private static final String PAYLOAD = "y".repeat(150);

    private final MongoCollection<Document> collection;
    private final WriteLog log;
    private final SplittableRandom random = new SplittableRandom(42);
    private final List<Integer> live = new ArrayList<>();
    private int nextId;
    private long nextVersion;

    public ChangeWriter(MongoCollection<Document> collection, WriteLog log) {
        this.collection = collection;
        this.log = log;
    }

    /** Writes for {@code duration} at {@code opsPerSecond} (0 = as fast as possible); returns the achieved rate. */
    public Rate run(double opsPerSecond, Duration duration, int run) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long operations = 0;
        long now;
        while ((now = System.nanoTime()) < end) {
            if (opsPerSecond > 0) {
                long due = start + (long) (operations * 1e9 / opsPerSecond);
                if (due > now) {
                    LockSupport.parkNanos(due - now);
                    continue;
                }
            }
            writeOne(run, (now - start) / 1e9);
            operations++;
        }
        return new Rate("mixed writes", operations, (System.nanoTime() - start) / 1e9);
    }

    private void writeOne(int run, double secondsIntoRun) {
        int dice = random.nextInt(10);
        long nanos = System.nanoTime();
        if (live.size() < MIN_LIVE || dice < 5) {
            long version = nextVersion++;
            int id = nextId++;
            log.issued("v" + version, new WriteLog.Stamp(nanos, run, secondsIntoRun));
            collection.insertOne(new Document("_id", id).append("v", version).append("n", 0).append("payload", PAYLOAD));
            live.add(id);
        } else if (dice < 8) {
            long version = nextVersion++;
            int id = live.get(random.nextInt(live.size()));
            log.issued("v" + version, new WriteLog.Stamp(nanos, run, secondsIntoRun));
            collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("v", version), Updates.inc("n", 1)));
        } else {
            int index = random.nextInt(live.size());
            int id = live.get(index);
            live.set(index, live.get(live.size() - 1));
            live.remove(live.size() - 1);
            log.issued("d" + id, new WriteLog.Stamp(nanos, run, secondsIntoRun));
            collection.deleteOne(Filters.eq("_id", id));
        }
    }
}
