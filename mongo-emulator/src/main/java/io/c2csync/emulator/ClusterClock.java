package io.c2csync.emulator;

import java.time.Clock;

import de.bwaldvogel.mongo.bson.BsonTimestamp;

/** The replica set's logical clock: strictly increasing timestamps, seconds from the wall clock. */
final class ClusterClock {

    private final Clock wallClock;
    private long last;

    ClusterClock(Clock wallClock) {
        this.wallClock = wallClock;
        tick();
    }

    synchronized BsonTimestamp tick() {
        long candidate = (wallClock.instant().getEpochSecond() << 32) | 1L;
        last = Math.max(candidate, last + 1);
        return new BsonTimestamp(last);
    }

    synchronized BsonTimestamp current() {
        return new BsonTimestamp(last);
    }

    Clock wallClock() {
        return wallClock;
    }
}
