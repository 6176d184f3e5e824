package io.c2csync.connector.topics;

import java.util.Set;

/**
 * The reserved database. On the source the control plane writes marker documents into
 * {@code __c2c_sync.markers}; they always flow through the pipeline. On the destination the sink
 * also keeps its checkpoints (the Kafka offset applied last) in {@code __c2c_sync.checkpoints}. Never shown, never verified.
 */
public final class MarkerNamespace {

  public static final String DATABASE = "__c2c_sync";
  public static final String MARKERS = "markers";
  public static final String CHECKPOINTS = "checkpoints";
  /** Destination only: unique indexes built as non-unique during the sync, made unique at commit. */
  public static final String UNIQUE_INDEXES = "uniqueIndexes";
  /** Destination only: which source collection (by UUID) each destination namespace holds. */
  public static final String COLLECTIONS = "collections";
  /** Destination only: where two sync groups' sinks meet at a rename between them. */
  public static final String RENAMES = "renames";
  /** Databases that are never synced. */
  public static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");
  public static final String SYSTEM_COLLECTION_PREFIX = "system.";

  private MarkerNamespace() {}

  public static boolean isMarkers(String database, String collection) {
    return DATABASE.equals(database) && MARKERS.equals(collection);
  }
}
