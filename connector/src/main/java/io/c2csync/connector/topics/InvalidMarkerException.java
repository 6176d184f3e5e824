package io.c2csync.connector.topics;

import java.util.List;

import org.bson.BsonDocument;

/** A document in the marker namespace that does not follow {@link MarkerCodec}. */
public class InvalidMarkerException extends IllegalArgumentException {

  private final List<String> problems;

  public InvalidMarkerException(BsonDocument document, List<String> problems) {
    super("invalid marker document " + document.toJson() + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
