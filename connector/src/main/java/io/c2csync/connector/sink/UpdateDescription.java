package io.c2csync.connector.sink;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/** The parts of an update event's {@code updateDescription}, validated; absent parts are empty. */
record UpdateDescription(
    BsonDocument updatedFields, BsonArray removedFields, BsonArray truncatedArrays, BsonDocument disambiguatedPaths) {

  static UpdateDescription of(ChangeEvent event) {
    BsonDocument description = event.updateDescription();
    UpdateDescription parsed = new UpdateDescription(
        part(event, description, "updatedFields", BsonType.DOCUMENT, new BsonDocument()).asDocument(),
        part(event, description, "removedFields", BsonType.ARRAY, new BsonArray()).asArray(),
        part(event, description, "truncatedArrays", BsonType.ARRAY, new BsonArray()).asArray(),
        part(event, description, "disambiguatedPaths", BsonType.DOCUMENT, new BsonDocument()).asDocument());
    for (BsonValue removed : parsed.removedFields) {
      if (!removed.isString()) {
        throw event.malformed("updateDescription.removedFields must hold strings, got " + removed.getBsonType());
      }
    }
    for (BsonValue truncation : parsed.truncatedArrays) {
      if (!truncation.isDocument() || !truncation.asDocument().isString("field")
          || !truncation.asDocument().isNumber("newSize")) {
        throw event.malformed("updateDescription.truncatedArrays entries must be {field: string, newSize: number}");
      }
    }
    return parsed;
  }

  private static BsonValue part(ChangeEvent event, BsonDocument description, String name, BsonType type, BsonValue empty) {
    BsonValue value = description.get(name);
    if (value == null || value.isNull()) {
      return empty;
    }
    if (value.getBsonType() != type) {
      throw event.malformed("updateDescription." + name + " must be " + type + ", got " + value.getBsonType());
    }
    return value;
  }
}
