package io.c2csync.connector.sink;

import java.util.Objects;

import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SecretReference;
import io.c2csync.connector.topics.SyncGroupTopic;

/** Everything that determines one sync group's sink connector; the selection is the source side's. */
public record SinkGroupSpec(SyncGroupTopic topic, SecretReference destinationUri, NamespaceSelection selection) {

  public SinkGroupSpec {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(destinationUri, "destinationUri");
    Objects.requireNonNull(selection, "selection");
  }
}
