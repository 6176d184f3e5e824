package io.c2csync.connector.topics;

/** A record that does not follow the topic contract; never skipped, always fatal for the task. */
public class MalformedChangeEventException extends IllegalArgumentException {

  public MalformedChangeEventException(String message) {
    super(message);
  }

  public MalformedChangeEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
