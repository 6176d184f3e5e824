package io.c2csync.connector.source;

import org.apache.kafka.connect.source.SourceRecord;

/**
 * Whether Connect has stored an offset holding the copy's resume token. Until it has, a crash
 * would make the restarted task take a new token, and changes made in between to documents the
 * first run already sent (deletes above all) would never reach the destination. So the first copy
 * record goes out alone, and the copy goes on once Kafka acknowledged it and two offset commits
 * ({@link org.apache.kafka.connect.source.SourceTask#commit()}, called after each offset flush)
 * followed: the first may have taken its snapshot of acknowledged offsets just before the ack.
 */
final class ResumePointStorage {

  private static final long WAIT_MILLIS = 100;
  private static final int COMMITS_NEEDED = 2;

  private volatile boolean stored;
  private volatile SourceRecord first;
  private volatile boolean acknowledged;
  private volatile int commitsSinceAcknowledged;

  /** {@code alreadyStored}: the task started from a stored copy offset, which holds the token. */
  void reset(boolean alreadyStored) {
    stored = alreadyStored;
    first = null;
    acknowledged = false;
    commitsSinceAcknowledged = 0;
  }

  boolean isStored() {
    return stored;
  }

  void sent(SourceRecord record) {
    if (!stored && first == null) {
      first = record;
    }
  }

  void acknowledged(SourceRecord record) {
    if (record == first) {
      acknowledged = true;
    }
  }

  void offsetsCommitted() {
    if (acknowledged && !stored && ++commitsSinceAcknowledged >= COMMITS_NEEDED) {
      stored = true;
    }
  }

  /** True, after a short pause, while the first record is out and its offset not yet stored. */
  boolean mustWait() throws InterruptedException {
    if (stored || first == null) {
      return false;
    }
    Thread.sleep(WAIT_MILLIS);
    return !stored;
  }
}
