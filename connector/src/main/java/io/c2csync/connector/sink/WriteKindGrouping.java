package io.c2csync.connector.sink;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;

/**
 * Orders one collection's writes so that an ordered bulk write needs few commands. The driver sends
 * one command per run of one kind (insert, replace, update, delete): a mix in source order (upsert,
 * update, delete, upsert, ...) costs a round trip per switch, which bounded the sink on a busy machine.
 * Writes to different {@code _id}s commute (every write is a single-document write by {@code _id},
 * and unique indexes are non-unique during the sync), so each write joins the last group of its kind
 * unless an earlier write to its {@code _id} sits in a later group (then a new group): per document,
 * and among writes of one kind (the insertion order of new documents), the source order is kept.
 * {@code _id}s equal by MongoDB's comparison but of different BSON types (1 and 1.0) share a key;
 * documents and arrays as {@code _id} all share one key. A write whose {@code _id} cannot be read
 * keeps the source order of the whole run.
 */
final class WriteKindGrouping {

  /** The driver's own split: it starts a new command whenever the kind changes, replace and update included. */
  private enum Kind { INSERT, REPLACE, UPDATE, DELETE }

  private record Group(Kind kind, List<WriteModel<BsonDocument>> models) {}

  private static final String COMPOSITE_ID = "document or array _id";

  private WriteKindGrouping() {}

  static List<WriteModel<BsonDocument>> grouped(List<WriteModel<BsonDocument>> models) {
    List<Group> groups = new ArrayList<>();
    Map<Object, Integer> lastGroupOfId = new HashMap<>();
    Map<Kind, Integer> lastGroupOfKind = new EnumMap<>(Kind.class);
    for (WriteModel<BsonDocument> model : models) {
      Optional<Kind> kind = kind(model);
      Optional<Object> key = idOf(model).map(WriteKindGrouping::key);
      if (kind.isEmpty() || key.isEmpty()) {
        return models;
      }
      int from = Math.max(lastGroupOfId.getOrDefault(key.get(), 0), lastGroupOfKind.getOrDefault(kind.get(), 0));
      int group = firstGroupOf(kind.get(), groups, from);
      if (group == groups.size()) {
        groups.add(new Group(kind.get(), new ArrayList<>()));
      }
      groups.get(group).models().add(model);
      lastGroupOfId.put(key.get(), group);
      lastGroupOfKind.put(kind.get(), group);
    }
    return groups.stream().flatMap(group -> group.models().stream()).toList();
  }

  private static int firstGroupOf(Kind kind, List<Group> groups, int from) {
    for (int index = from; index < groups.size(); index++) {
      if (groups.get(index).kind() == kind) {
        return index;
      }
    }
    return groups.size();
  }

  private static Optional<Kind> kind(WriteModel<BsonDocument> model) {
    if (model instanceof InsertOneModel) {
      return Optional.of(Kind.INSERT);
    }
    if (model instanceof ReplaceOneModel) {
      return Optional.of(Kind.REPLACE);
    }
    if (model instanceof UpdateOneModel) {
      return Optional.of(Kind.UPDATE);
    }
    return model instanceof DeleteOneModel ? Optional.of(Kind.DELETE) : Optional.empty();
  }

  private static Optional<BsonValue> idOf(WriteModel<BsonDocument> model) {
    BsonDocument holder;
    if (model instanceof InsertOneModel<BsonDocument> insert) {
      holder = insert.getDocument();
    } else if (model instanceof ReplaceOneModel<BsonDocument> replace && replace.getFilter() instanceof BsonDocument f) {
      holder = f;
    } else if (model instanceof UpdateOneModel<BsonDocument> update && update.getFilter() instanceof BsonDocument f) {
      holder = f;
    } else if (model instanceof DeleteOneModel<BsonDocument> delete && delete.getFilter() instanceof BsonDocument f) {
      holder = f;
    } else {
      return Optional.empty();
    }
    boolean filterById = model instanceof InsertOneModel || holder.size() == 1;
    return filterById ? Optional.ofNullable(holder.get("_id")) : Optional.empty();
  }

  /** Equal for {@code _id}s MongoDB compares as equal; unequal keys never belong to one document. */
  private static Object key(BsonValue id) {
    if (id.isDecimal128()) {
      return numberKey(id.asDecimal128().decimal128Value().doubleValue());
    }
    if (id.isNumber()) {
      return numberKey(id.asNumber().doubleValue());
    }
    if (id.isString() || id.isSymbol()) {
      return "string " + (id.isString() ? id.asString().getValue() : id.asSymbol().getSymbol());
    }
    if (id.isDocument() || id.isArray()) {
      return COMPOSITE_ID;
    }
    return id;
  }

  /** Numbers by value; -0.0 is 0, and longs beyond 2^53 may share a key (an extra constraint, never a missing one). */
  private static String numberKey(double value) {
    return "number " + (value + 0.0);
  }
}
