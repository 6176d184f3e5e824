package io.c2csync.connector.sink;

/** insert (and mongo-kafka's copy events): an upsert, so a replayed insert neither fails nor duplicates. */
public final class InsertOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    return FullDocumentUpsert.of(event);
  }
}
