package io.c2csync.connector.source;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * The source offset while copying: the resume token taken once before the first copy (kept
 * across restarts, so the stream replays everything since), the collection being copied (its
 * namespace and UUID: collections before it in the copy's order are done) and the last {@code _id}
 * sent from it (null before its first document). {@code copy: "true"} is mongo-kafka's own
 * "copy in progress" key.
 */
public record CopyOffset(BsonDocument resumeToken, String namespace, String collectionUuid, BsonValue lastId) {

  static final String RESUME_TOKEN = "_id";
  static final String COPY = "copy";
  static final String NAMESPACE = "c2c.copyNamespace";
  static final String UUID = "c2c.copyUuid";
  static final String LAST_ID = "c2c.copyLastId";
  private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

  /**
   * The copy's order: views and collections without a UUID first, by name, then collections by
   * UUID. A rename keeps the UUID, so a copy started again after renames neither misses a
   * collection renamed to a name before the one it had reached nor starts the one it was copying
   * over because that one was renamed.
   */
  static String position(String uuidHex, String namespace) {
    return uuidHex == null ? "0:" + namespace : "1:" + uuidHex;
  }

  String position() {
    return position(collectionUuid, namespace);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new HashMap<>();
    map.put(RESUME_TOKEN, resumeToken.toJson());
    map.put(COPY, "true");
    map.put(NAMESPACE, namespace);
    if (collectionUuid != null) {
      map.put(UUID, collectionUuid);
    }
    if (lastId != null) {
      map.put(LAST_ID, new BsonDocument(RESUME_TOKEN, lastId).toJson(CANONICAL));
    }
    return map;
  }

  /** The copy offset in a stored offset; empty when the offset belongs to the change stream. */
  public static Optional<CopyOffset> from(Map<String, Object> offset) {
    if (offset == null || !offset.containsKey(NAMESPACE)) {
      return Optional.empty();
    }
    Object token = offset.get(RESUME_TOKEN);
    Object namespace = offset.get(NAMESPACE);
    Object uuid = offset.get(UUID);
    Object lastId = offset.get(LAST_ID);
    if (!(token instanceof String tokenJson) || !(namespace instanceof String ns)
        || (uuid != null && !(uuid instanceof String)) || (lastId != null && !(lastId instanceof String))) {
      throw corrupt(offset, RESUME_TOKEN + ", " + NAMESPACE + ", " + UUID + " and " + LAST_ID + " must be strings", null);
    }
    try {
      return Optional.of(new CopyOffset(BsonDocument.parse(tokenJson), ns, (String) uuid,
          lastId == null ? null : BsonDocument.parse((String) lastId).get(RESUME_TOKEN)));
    } catch (JsonParseException e) {
      throw corrupt(offset, "a value is not JSON", e);
    }
  }

  private static IllegalStateException corrupt(Map<String, Object> offset, String problem, Exception cause) {
    return new IllegalStateException("corrupt copy offset " + offset + ": " + problem
        + "; reset this connector's offsets to start the sync again", cause);
  }

  /** What the streaming delegate must see: only the resume token, so it resumes from before the copy. */
  public Map<String, Object> asStreamOffset() {
    return Map.of(RESUME_TOKEN, resumeToken.toJson());
  }
}
