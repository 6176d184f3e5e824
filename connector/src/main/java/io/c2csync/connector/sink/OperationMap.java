package io.c2csync.connector.sink;

import java.util.Map;
import java.util.TreeSet;

import io.c2csync.connector.topics.ChangeEventFormat;
import io.c2csync.connector.topics.MarkerCodec;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.NamespaceSelection;

/**
 * operationType -> {@link ChangeOperation}. Anything else (shardCollection, reshardCollection,
 * refineCollectionShardKey, invalidate, a future type) fails the task: dropping it would let the
 * destination silently diverge. Marker documents are validated with {@link MarkerCodec} before
 * they are recorded on the destination.
 */
public final class OperationMap {

  private final Map<String, ChangeOperation> operations;

  /** @param syncSelection the whole sync's namespaces, {@code selection} this group's */
  OperationMap(NamespaceSelection selection, NamespaceSelection syncSelection, Incarnations incarnations) {
    operations = Map.ofEntries(
        Map.entry("insert", new InsertOperation()),
        Map.entry("replace", new ReplaceOperation()),
        Map.entry("update", new UpdateOperation()),
        Map.entry("delete", new DeleteOperation()),
        Map.entry("create", new CreateOperation()),
        Map.entry("drop", new DropOperation()),
        Map.entry("rename", new RenameOperation(selection, syncSelection)),
        Map.entry("dropDatabase", new DropDatabaseOperation(selection, incarnations)),
        Map.entry("createIndexes", new CreateIndexesOperation()),
        Map.entry("dropIndexes", new DropIndexesOperation()),
        Map.entry("modify", new ModifyOperation()),
        Map.entry(ChangeEventFormat.FRESH_COPY, new FreshCopyOperation(selection, incarnations)));
  }

  public SinkAction toAction(ChangeEvent event) {
    String type = event.operationType();
    ChangeOperation operation = operations.get(type);
    if (operation == null) {
      throw new UnsupportedChangeEventException("change event " + event.origin() + " has operationType '" + type
          + "', which c2c-sync cannot apply (supported: " + String.join(", ", new TreeSet<>(operations.keySet()))
          + "). Stopping rather than skipping it, so the destination does not diverge from the source.");
    }
    if (isMarkerWithFullDocument(event)) {
      MarkerCodec.decode(event.fullDocument());
    }
    return operation.toAction(event);
  }

  private static boolean isMarkerWithFullDocument(ChangeEvent event) {
    return event.document().containsKey("fullDocument")
        && MarkerNamespace.isMarkers(event.database(), event.collection().orElse(null));
  }
}
