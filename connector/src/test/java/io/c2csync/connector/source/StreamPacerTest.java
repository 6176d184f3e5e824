package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** After a small batch the next poll waits for events to gather; after a full one it polls at once. */
class StreamPacerTest {

  private static final long HOUR_MILLIS = 3_600_000;

  @Test
  void aFullBatchPollsAgainAtOnceAndTheFirstPollNeverWaits() {
    StreamPacer pacer = new StreamPacer(HOUR_MILLIS, 2);
    // with an hour to gather, any wait would outlast the timeout
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      pacer.beforePoll();
      pacer.polled(List.of(1, 2));
      pacer.beforePoll();
      pacer.polled(Collections.nCopies(5, 0));
      pacer.beforePoll();
    });
  }

  @Test
  void aSmallOrEmptyBatchMakesTheNextPollWaitForTheGatheringTime() throws InterruptedException {
    StreamPacer pacer = new StreamPacer(HOUR_MILLIS, 2);
    pacer.beforePoll();
    pacer.polled(null);
    Thread poller = new Thread(() -> {
      try {
        pacer.beforePoll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    poller.start();
    poller.join(300);

    assertThat(poller.isAlive()).isTrue();
    poller.interrupt();
    poller.join();
  }
}
