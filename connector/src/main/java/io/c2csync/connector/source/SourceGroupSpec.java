package io.c2csync.connector.source;

import java.util.Objects;

import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;

/** Everything that determines one sync group's source connector. */
public record SourceGroupSpec(
    SyncGroupTopic topic, SecretReference sourceUri, NamespaceSelection selection, BuildIndexes buildIndexes,
    SourceStart start) {

  public SourceGroupSpec {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(sourceUri, "sourceUri");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(buildIndexes, "buildIndexes");
    Objects.requireNonNull(start, "start");
  }
}
