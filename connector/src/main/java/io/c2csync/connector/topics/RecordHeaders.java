package io.c2csync.connector.topics;

/** Headers every record of a sync group topic carries (added by the source connector's SMTs). */
public final class RecordHeaders {

  /** {@link ChangeEventFormat#FORMAT_ID}; the sink refuses records with any other value. */
  public static final String FORMAT = "c2c.format";
  /** The sync id, as in {@link SyncGroupTopic#syncId()}. */
  public static final String SYNC_ID = "c2c.sync.id";
  /** The sync group, as in {@link SyncGroupTopic#group()}. */
  public static final String SYNC_GROUP = "c2c.sync.group";

  private RecordHeaders() {}
}
