package io.c2csync.connector.source;

import java.util.List;

/**
 * Lets change events gather on the server between the stream's polls while they come slowly. A server answers a
 * waiting getMore at its first event, so a stream polled again at once costs a round trip, and a batch through Connect
 * and the sink, per event or two: the CPU that a busy pipeline lacks. After a small batch the next poll waits until
 * {@code gatherMillis} after the previous one began (a batch of at least {@code smallBatch} events polls again at
 * once); an event waits at most that long more.
 */
final class StreamPacer {

  private final long gatherNanos;
  private final int smallBatch;
  private long lastPollStarted;
  private boolean lastBatchSmall;

  StreamPacer(long gatherMillis, int smallBatch) {
    this.gatherNanos = gatherMillis * 1_000_000;
    this.smallBatch = smallBatch;
  }

  /** Waits, if the last batch was small, until the gathering time since the last poll has passed. */
  void beforePoll() throws InterruptedException {
    if (lastBatchSmall) {
      long wait = lastPollStarted + gatherNanos - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    lastPollStarted = System.nanoTime();
  }

  void polled(List<?> batch) {
    lastBatchSmall = batch == null || batch.size() < smallBatch;
  }
}
