package io.c2csync.connector.sink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.NamespaceSelection;

/**
 * Which incarnation of a source collection (its {@code collectionUUID}) each destination
 * namespace holds, kept in {@code __c2c_sync.collections}. While the stream replays events from
 * before the copy, the destination can be ahead: the copy already holds a collection under its
 * later name, or a later incarnation of a dropped and re-created one. Events of any other
 * incarnation are then skipped, so a replayed rename, drop or insert cannot undo what the copy
 * saw. The copy's documents and indexes go only where the destination holds their collection
 * (under an earlier name, after a copy started again). Events without a UUID are always applied.
 */
final class Incarnations {

  private final MongoCollection<BsonDocument> store;
  private final Map<String, BsonBinary> uuidByNamespace = new HashMap<>();
  private boolean streamCarriesUuids;

  Incarnations(MongoClient client) {
    store = client.getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.COLLECTIONS, BsonDocument.class);
    store.find().forEach(held -> uuidByNamespace.put(held.getString("_id").getValue(), held.getBinary("uuid")));
  }

  /**
   * The copy's event about the namespace where the destination holds its collection. A copy
   * started again after a crash lists the source anew, so it can name a collection by a later name
   * than the one an earlier run copied it under (the stream brings the rename after): its
   * documents and indexes belong to the collection the destination already holds. Only this
   * group's namespaces are looked at: other groups' sinks write the store too.
   */
  ChangeEvent located(ChangeEvent event, NamespaceSelection selection) {
    Optional<BsonBinary> uuid = event.collectionUuid();
    if (!event.fromCopy() || uuid.isEmpty() || event.collection().isEmpty()) {
      return event;
    }
    String holder = holderOf(uuid.get());
    if (holder == null || holder.equals(event.namespace().getFullName())) {
      return event;
    }
    MongoNamespace held = new MongoNamespace(holder);
    return selection.selects(held.getDatabaseName(), held.getCollectionName()) ? event.about(held) : event;
  }

  /** Whether the destination holds the incarnation this event is about (or could create it). */
  boolean admits(ChangeEvent event) {
    Optional<BsonBinary> eventUuid = event.collectionUuid();
    streamCarriesUuids |= eventUuid.isPresent() && !event.fromCopy();
    if (eventUuid.isEmpty() || event.collection().isEmpty()) {
      return true;
    }
    BsonBinary uuid = eventUuid.get();
    String namespace = event.namespace().getFullName();
    BsonBinary held = uuidByNamespace.get(namespace);
    if (event.fromCopy() && !"create".equals(event.operationType())) {
      // only the copy's own create makes a namespace hold its collection; one held nowhere was
      // created after the resume token (the stream brings its create and indexes) or is gone
      return uuid.equals(held);
    }
    String holder = holderOf(uuid);
    return switch (event.operationType()) {
      // a create of a namespace already held is done (same incarnation) or superseded (a later one)
      case "create" -> held == null && holder == null;
      // the copy may already hold the collection under its new name: then the rename is done
      case "rename" -> uuid.equals(held) || (held == null && holder == null);
      default -> (held == null || held.equals(uuid)) && (holder == null || holder.equals(namespace));
    };
  }

  /** Records what an applied DDL did to the namespaces. */
  void applied(ChangeEvent event) {
    Optional<BsonBinary> uuid = event.collectionUuid();
    switch (event.operationType()) {
      case "create" -> uuid.ifPresent(u -> hold(event.namespace().getFullName(), u));
      case "drop" -> release(event.namespace().getFullName());
      case "rename" -> {
        String to = event.renameTarget().getFullName();
        BsonBinary moved = release(event.namespace().getFullName());
        release(to);
        BsonBinary now = uuid.orElse(moved);
        if (now != null) {
          hold(to, now);
        }
      }
      default -> {
        // CRUD, index and option changes keep the namespace's incarnation
      }
    }
  }

  /**
   * Whether dropDatabase must keep this namespace: it holds a known incarnation although the
   * server's per-collection drop events (which a stream with UUIDs has) came first.
   */
  boolean keepsOnDropDatabase(String namespace) {
    return streamCarriesUuids && uuidByNamespace.containsKey(namespace);
  }

  /** Forgets every namespace of the group: a fresh copy dropped them all on the destination. */
  void releaseSelected(NamespaceSelection selection) {
    for (String namespace : List.copyOf(uuidByNamespace.keySet())) {
      MongoNamespace held = new MongoNamespace(namespace);
      if (selection.selects(held.getDatabaseName(), held.getCollectionName())) {
        release(namespace);
      }
    }
  }

  /** What the store says {@code namespace} holds, read afresh: the sinks of other groups write it too. */
  Optional<BsonBinary> stored(String namespace) {
    return Optional.ofNullable(store.find(new BsonDocument("_id", new BsonString(namespace))).first())
        .map(held -> held.getBinary("uuid"));
  }

  /** {@code namespace} holds nothing now: its collection was renamed into another group or dropped there. */
  void released(String namespace) {
    release(namespace);
  }

  private String holderOf(BsonBinary uuid) {
    return uuidByNamespace.entrySet().stream().filter(e -> e.getValue().equals(uuid))
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  private void hold(String namespace, BsonBinary uuid) {
    BsonDocument id = new BsonDocument("_id", new BsonString(namespace));
    store.replaceOne(id, id.clone().append("uuid", uuid), new ReplaceOptions().upsert(true));
    uuidByNamespace.put(namespace, uuid);
  }

  private BsonBinary release(String namespace) {
    store.deleteOne(new BsonDocument("_id", new BsonString(namespace)));
    return uuidByNamespace.remove(Objects.requireNonNull(namespace));
  }
}
