package io.c2csync.connector.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * "Every {@code _id} after this one" in MongoDB's sort order. {@code $gt} only compares within
 * one type bracket (numbers, strings, objects...), so the filter is {@code $gt} in the last
 * id's bracket or any type of a later bracket.
 */
final class IdOrder {

  /** MongoDB's comparison order of the types an {@code _id} can have, as $type aliases per bracket. */
  private static final List<List<String>> BRACKETS = List.of(
      List.of("minKey"),
      List.of("null"),
      List.of("int", "long", "double", "decimal"),
      List.of("string"), // symbols sort with strings; the deprecated alias "symbol" is left out (unknown to some servers)
      List.of("object"),
      List.of("binData"),
      List.of("objectId"),
      List.of("bool"),
      List.of("date"),
      List.of("timestamp"),
      List.of("maxKey"));

  private IdOrder() {}

  /** The filter for documents after {@code lastId}; empty when its type has no known place (copy the whole collection). */
  static Optional<BsonDocument> after(BsonValue lastId) {
    int bracket = bracketOf(lastId.getBsonType());
    if (bracket < 0) {
      return Optional.empty();
    }
    List<BsonValue> anyOf = new ArrayList<>();
    anyOf.add(new BsonDocument("_id", new BsonDocument("$gt", lastId)));
    for (List<String> later : BRACKETS.subList(bracket + 1, BRACKETS.size())) {
      later.forEach(alias -> anyOf.add(new BsonDocument("_id", new BsonDocument("$type", new BsonString(alias)))));
    }
    return Optional.of(new BsonDocument("$or", new BsonArray(anyOf)));
  }

  private static int bracketOf(BsonType type) {
    String alias = switch (type) {
      case MIN_KEY -> "minKey";
      case NULL -> "null";
      case INT32 -> "int";
      case INT64 -> "long";
      case DOUBLE -> "double";
      case DECIMAL128 -> "decimal";
      case SYMBOL, STRING -> "string";
      case DOCUMENT -> "object";
      case BINARY -> "binData";
      case OBJECT_ID -> "objectId";
      case BOOLEAN -> "bool";
      case DATE_TIME -> "date";
      case TIMESTAMP -> "timestamp";
      case MAX_KEY -> "maxKey";
      default -> null;
    };
    for (int i = 0; i < BRACKETS.size(); i++) {
      if (BRACKETS.get(i).contains(alias)) {
        return i;
      }
    }
    return -1;
  }
}
