package io.c2csync.connector.sink;

/** replace: the event's full document replaces (or creates) the destination document. */
public final class ReplaceOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    return FullDocumentWrites.replace(event);
  }
}
