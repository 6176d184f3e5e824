package io.c2csync.connector.sink;

/** A change event the sink does not know how to apply; fatal for the task. */
public class UnsupportedChangeEventException extends RuntimeException {

  public UnsupportedChangeEventException(String message) {
    super(message);
  }
}
