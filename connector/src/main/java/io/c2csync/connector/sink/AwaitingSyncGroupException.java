package io.c2csync.connector.sink;

import org.apache.kafka.connect.errors.RetriableException;

/**
 * This group's sink has reached a point another sync group's sink must reach or pass first (a
 * rename between them). Retriable: Connect delivers the same records again after
 * {@link #RETRY_AFTER_MS}, and everything before that point is already checkpointed.
 */
public class AwaitingSyncGroupException extends RetriableException {

  static final long RETRY_AFTER_MS = 1_000;

  public AwaitingSyncGroupException(String message) {
    super(message);
  }
}
