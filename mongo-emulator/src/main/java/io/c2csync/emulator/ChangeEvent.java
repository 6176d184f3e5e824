package io.c2csync.emulator;

import java.time.Instant;

import de.bwaldvogel.mongo.bson.BsonTimestamp;

/** A change in the log: its position, its cluster time and what changed. */
record ChangeEvent(long sequence, BsonTimestamp clusterTime, Instant wallTime, ChangeDraft change, long sizeBytes) {

    ResumeToken resumeToken() {
        return ResumeToken.ofEvent(clusterTime);
    }
}
