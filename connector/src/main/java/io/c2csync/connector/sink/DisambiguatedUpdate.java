package io.c2csync.connector.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;

/**
 * An update whose paths need {@code disambiguatedPaths} (a field named {@code "a.b"}, or {@code "0"}
 * inside a document): dotted-path operators would write the wrong field, so the document is read,
 * changed by path components in Java, and replaced. Safe because the sink is the destination's
 * only writer while the sync runs and it applies events one at a time in order.
 */
final class DisambiguatedUpdate {

  private DisambiguatedUpdate() {}

  static SinkAction step(ChangeEvent event, UpdateDescription description) {
    MongoNamespace namespace = event.namespace();
    BsonDocument filter = event.idFilter();
    return new SinkAction.Step("update with disambiguated paths of " + filter.toJson() + " in " + namespace, false,
        client -> {
          MongoCollection<BsonDocument> collection = client.getDatabase(namespace.getDatabaseName())
              .getCollection(namespace.getCollectionName(), BsonDocument.class);
          BsonDocument document = collection.find(filter).first();
          if (document != null) {
            collection.replaceOne(filter, apply(document, description));
          }
        });
  }

  static BsonDocument apply(BsonDocument document, UpdateDescription description) {
    BsonDocument result = document.clone();
    for (BsonValue truncation : description.truncatedArrays()) {
      BsonDocument t = truncation.asDocument();
      List<BsonValue> path = components(t.getString("field").getValue(), description.disambiguatedPaths());
      BsonArray array = resolve(result, path).asArray();
      int newSize = t.getNumber("newSize").intValue();
      while (array.size() > newSize) {
        array.remove(array.size() - 1);
      }
    }
    for (Map.Entry<String, BsonValue> field : description.updatedFields().entrySet()) {
      List<BsonValue> path = components(field.getKey(), description.disambiguatedPaths());
      BsonValue parent = resolveOrCreate(result, path.subList(0, path.size() - 1));
      put(parent, path.get(path.size() - 1), field.getValue());
    }
    for (BsonValue removed : description.removedFields()) {
      List<BsonValue> path = components(removed.asString().getValue(), description.disambiguatedPaths());
      BsonValue parent = resolve(result, path.subList(0, path.size() - 1));
      if (parent != null && parent.isDocument()) {
        parent.asDocument().remove(path.get(path.size() - 1).asString().getValue());
      }
    }
    return result;
  }

  /** The path's components: from disambiguatedPaths when listed, else the dotted path split. */
  static List<BsonValue> components(String path, BsonDocument disambiguatedPaths) {
    if (disambiguatedPaths.containsKey(path)) {
      return disambiguatedPaths.getArray(path).getValues();
    }
    List<BsonValue> components = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      components.add(new BsonString(part));
    }
    return components;
  }

  private static BsonValue resolve(BsonValue root, List<BsonValue> path) {
    BsonValue current = root;
    for (BsonValue component : path) {
      current = current == null ? null : child(current, component);
    }
    return current;
  }

  private static BsonValue resolveOrCreate(BsonDocument root, List<BsonValue> path) {
    BsonValue current = root;
    for (BsonValue component : path) {
      BsonValue next = child(current, component);
      if (next == null) {
        next = new BsonDocument();
        put(current, component, next);
      }
      current = next;
    }
    return current;
  }

  /** A string component on an array is an index written as text (not disambiguated). */
  private static BsonValue child(BsonValue container, BsonValue component) {
    if (container.isDocument()) {
      return container.asDocument().get(name(component));
    }
    if (container.isArray()) {
      int index = index(component);
      BsonArray array = container.asArray();
      return index < array.size() ? array.get(index) : null;
    }
    return null;
  }

  private static void put(BsonValue container, BsonValue component, BsonValue value) {
    if (container.isDocument()) {
      container.asDocument().put(name(component), value);
    } else if (container.isArray()) {
      BsonArray array = container.asArray();
      int index = index(component);
      while (array.size() < index) {
        array.add(BsonNull.VALUE);
      }
      if (index == array.size()) {
        array.add(value);
      } else {
        array.set(index, value);
      }
    } else {
      throw new IllegalStateException("cannot set " + component + " inside a " + container.getBsonType());
    }
  }

  private static String name(BsonValue component) {
    return component.isString() ? component.asString().getValue() : Integer.toString(component.asNumber().intValue());
  }

  private static int index(BsonValue component) {
    return component.isNumber() ? component.asNumber().intValue() : Integer.parseInt(component.asString().getValue());
  }
}
