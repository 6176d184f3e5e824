package io.c2csync.connector.topics;

import java.time.Instant;
import java.util.Objects;

import org.bson.BsonTimestamp;

/**
 * One marker document. {@code sequence} grows with every write of the same marker;
 * {@code sourceClusterTime} is the source cluster time the marker stands for (required for a
 * commit point: every source event up to it is applied when the marker arrives).
 */
public record Marker(
    String syncId, String group, MarkerKind kind, long sequence, Instant wallTime, BsonTimestamp sourceClusterTime) {

  public Marker {
    SyncGroupTopic.requireId("syncId", syncId);
    SyncGroupTopic.requireId("group", group);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(wallTime, "wallTime");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
    }
    if (kind == MarkerKind.COMMIT_POINT && sourceClusterTime == null) {
      throw new IllegalArgumentException("a commitPoint marker needs sourceClusterTime");
    }
  }
}
