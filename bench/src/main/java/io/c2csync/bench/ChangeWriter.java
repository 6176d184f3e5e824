package io.c2csync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * An application writing one operation per call at a fixed rate (open loop: it never waits for the sync): 50 %
 * inserts, 30 % updates ({@code $set} of a new version and a counter), 20 % deletes of live documents. With several
 * lanes, each is a client thread of its own writing its share of the rate to documents of its own (so each document's
 * changes stay in order), as an application's many connections would: one thread cannot offer a rate close to its own
 * round-trip limit while the machine is busy.
 */
public final class ChangeWriter {

    private static final int MIN_LIVE = 100;
    private static final String PAYLOAD = "y".repeat(150);

    private final MongoCollection<Document> collection;
    private final WriteLog log;
    private final AtomicLong nextVersion = new AtomicLong();
    private final List<Lane> lanes = new ArrayList<>();

    public ChangeWriter(MongoCollection<Document> collection, WriteLog log) {
        this(collection, log, 1);
    }

    public ChangeWriter(MongoCollection<Document> collection, WriteLog log, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("A writer needs at least one lane, not " + lanes);
        }
        this.collection = collection;
        this.log = log;
        for (int lane = 0; lane < lanes; lane++) {
            this.lanes.add(new Lane(lane, lanes));
        }
    }

    /** Writes for {@code duration} at {@code opsPerSecond} (0 = as fast as possible); returns the achieved rate. */
    public Rate run(double opsPerSecond, Duration duration, int run) {
        long start = System.nanoTime();
        long operations = 0;
        ExecutorService threads = Executors.newFixedThreadPool(lanes.size());
        try {
            List<Future<Long>> written = new ArrayList<>();
            for (Lane lane : lanes) {
                written.add(threads.submit(() -> lane.run(opsPerSecond / lanes.size(), start, duration, run)));
            }
            for (Future<Long> lane : written) {
                operations += lane.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A writer lane failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return new Rate("mixed writes", operations, (System.nanoTime() - start) / 1e9);
    }

    /** One client thread's share: its own documents ({@code _id}s congruent to its number) and random choices. */
    private final class Lane {

        private final SplittableRandom random;
        private final List<Integer> live = new ArrayList<>();
        private final int stride;
        private int nextId;

        Lane(int number, int stride) {
            this.random = new SplittableRandom(42 + number);
            this.stride = stride;
            this.nextId = number;
        }

        long run(double opsPerSecond, long start, Duration duration, int run) {
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
            return operations;
        }

        private void writeOne(int run, double secondsIntoRun) {
            int dice = random.nextInt(10);
            long nanos = System.nanoTime();
            if (live.size() < MIN_LIVE || dice < 5) {
                long version = nextVersion.getAndIncrement();
                int id = nextId;
                nextId += stride;
                log.issued("v" + version, new WriteLog.Stamp(nanos, run, secondsIntoRun));
                collection.insertOne(new Document("_id", id).append("v", version).append("n", 0).append("payload", PAYLOAD));
                live.add(id);
            } else if (dice < 8) {
                long version = nextVersion.getAndIncrement();
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
}
