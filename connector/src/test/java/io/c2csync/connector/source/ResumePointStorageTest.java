package io.c2csync.connector.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ResumePointStorageTest {

  private final ResumePointStorage storage = new ResumePointStorage();
  private final SourceRecord first = new SourceRecord(Map.of(), Map.of(), "t", null, null);

  @Test
  void theCopyWaitsAfterItsFirstRecordUntilAnOffsetCommitFollowedItsAcknowledgement() throws InterruptedException {
    storage.reset(false);
    assertThat(storage.mustWait()).as("nothing sent yet").isFalse();

    storage.sent(first);
    storage.offsetsCommitted(); // a commit before the ack proves nothing
    storage.acknowledged(new SourceRecord(Map.of(), Map.of(), "t", null, null));
    storage.offsetsCommitted();
    assertThat(storage.mustWait()).isTrue();

    storage.acknowledged(first);
    storage.offsetsCommitted();
    assertThat(storage.mustWait()).as("the first commit may have missed the ack").isTrue();
    storage.offsetsCommitted();
    assertThat(storage.mustWait()).isFalse();
    assertThat(storage.isStored()).isTrue();
  }

  @Test
  void aCopyRestartedFromItsStoredOffsetNeverWaits() throws InterruptedException {
    storage.reset(true);
    storage.sent(first);

    assertThat(storage.mustWait()).isFalse();
    assertThat(storage.isStored()).isTrue();
  }
}
