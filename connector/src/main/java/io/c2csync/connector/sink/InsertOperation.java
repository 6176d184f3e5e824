package io.c2csync.connector.sink;

/** insert (and the copy's events): an insert; {@link RunWriter} makes one that meets its document an upsert. */
public final class InsertOperation implements ChangeOperation {

  @Override
  public SinkAction toAction(ChangeEvent event) {
    return FullDocumentWrites.insert(event);
  }
}
