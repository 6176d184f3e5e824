package io.c2csync.connector.source;

import org.bson.BsonTimestamp;

/** Where a group's source connector starts. */
public sealed interface SourceStart {

  /** Initial sync: copy the selected collections, then stream changes from before the copy. */
  record CopyThenStream() implements SourceStart {}

  /** Reverse after commit: no copy, stream from this cluster time (the commit point). */
  record AtClusterTime(BsonTimestamp clusterTime) implements SourceStart {
    public AtClusterTime {
      if (clusterTime == null) {
        throw new IllegalArgumentException("AtClusterTime needs a cluster time");
      }
    }
  }
}
