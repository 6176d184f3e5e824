package io.c2csync.connector.sink;

/** How one operationType is applied; one small class per operation. */
public interface ChangeOperation {

  SinkAction toAction(ChangeEvent event);
}
