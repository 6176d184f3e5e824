package io.c2csync.connector.sink;

import java.util.Objects;

import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;

/**
 * Everything that determines one sync group's sink connector; the selection is the source side's,
 * {@code syncSelection} the whole sync's (all its groups).
 */
public record SinkGroupSpec(
    SyncGroupTopic topic, SecretReference destinationUri, NamespaceSelection selection, NamespaceSelection syncSelection) {

  public SinkGroupSpec {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(destinationUri, "destinationUri");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(syncSelection, "syncSelection");
  }

  /** The sink of a sync that is this one group. */
  public SinkGroupSpec(SyncGroupTopic topic, SecretReference destinationUri, NamespaceSelection selection) {
    this(topic, destinationUri, selection, selection);
  }
}
