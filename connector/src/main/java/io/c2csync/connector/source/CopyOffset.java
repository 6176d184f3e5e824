package io.c2csync.connector.source;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.json.JsonParseException;

/**
 * The source offset while copying: the resume token taken once before the first copy (kept
 * across restarts, so the stream replays everything since) and the namespace being copied
 * (a restart copies again from it; namespaces sorted before it are done). {@code copy: "true"}
 * is mongo-kafka's own "copy in progress" key.
 */
public record CopyOffset(BsonDocument resumeToken, String namespace) {

  static final String RESUME_TOKEN = "_id";
  static final String COPY = "copy";
  static final String NAMESPACE = "c2c.copyNamespace";

  public Map<String, Object> toMap() {
    Map<String, Object> map = new HashMap<>();
    map.put(RESUME_TOKEN, resumeToken.toJson());
    map.put(COPY, "true");
    map.put(NAMESPACE, namespace);
    return map;
  }

  /** The copy offset in a stored offset; empty when the offset belongs to the change stream. */
  public static Optional<CopyOffset> from(Map<String, Object> offset) {
    if (offset == null || !offset.containsKey(NAMESPACE)) {
      return Optional.empty();
    }
    Object token = offset.get(RESUME_TOKEN);
    Object namespace = offset.get(NAMESPACE);
    if (!(token instanceof String tokenJson) || !(namespace instanceof String ns)) {
      throw new IllegalStateException("corrupt copy offset " + offset + ": " + RESUME_TOKEN + " and " + NAMESPACE
          + " must be strings; reset this connector's offsets to start the sync again");
    }
    try {
      return Optional.of(new CopyOffset(BsonDocument.parse(tokenJson), ns));
    } catch (JsonParseException e) {
      throw new IllegalStateException("corrupt copy offset " + offset + ": the resume token is not JSON", e);
    }
  }

  /** What the streaming delegate must see: only the resume token, so it resumes from before the copy. */
  public Map<String, Object> asStreamOffset() {
    return Map.of(RESUME_TOKEN, resumeToken.toJson());
  }
}
