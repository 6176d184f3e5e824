package io.c2csync.controlplane.connect;

import io.c2csync.connector.sink.SinkConnectorConfigs;
import io.c2csync.connector.source.SourceConnectorConfigs;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.SyncRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The sync groups of one connector pair and the names derived from them. Every pair gets topics
 * of its own ({@code c2c-sync.<syncId>-p<generation>.<group>}), so a reverse never reuses a topic
 * or the sink's checkpoints keyed by it. The groups ({@link SyncGroups}) come from the persisted
 * sync — its filters and the source's databases at the start — so every pair of a sync, and
 * every part of the control plane, sees the same ones.
 */
public final class PairTopics {
    private final String syncId;
    private final Supplier<Optional<SyncRecord>> persisted;
    private final int databaseGroups;

    /**
     * @param persisted the sync as last persisted (its groups); empty = one group for everything
     * @param databaseGroups at most this many databases get a group of their own ({@link SyncGroups})
     */
    public PairTopics(String syncId, Supplier<Optional<SyncRecord>> persisted, int databaseGroups) {
        new SyncGroupTopic(syncId, SyncGroups.ALL_NAMESPACES);
        this.syncId = syncId;
        this.persisted = persisted;
        this.databaseGroups = SyncGroups.requireDatabaseGroups(databaseGroups);
    }

    /** With the default number of database groups. */
    public PairTopics(String syncId, Supplier<Optional<SyncRecord>> persisted) {
        this(syncId, persisted, SyncGroups.MAX_DATABASE_GROUPS);
    }

    /** The topics of a sync run as one group. */
    public PairTopics(String syncId) {
        this(syncId, Optional::empty);
    }

    /** One group of a pair: its topic and the namespaces it carries. */
    public record PairGroup(SyncGroupTopic topic, NamespaceSelection selection) {}

    /** The pair's groups, each with its part of {@code sync} (the sync's namespaces). */
    public List<PairGroup> layout(PairId pair, NamespaceSelection sync) {
        Optional<List<String>> databases = persisted.get().flatMap(SyncRecord::sourceDatabasesAtStartIfKept);
        return SyncGroups.split(sync, databases, databaseGroups).stream()
                .map(group -> new PairGroup(new SyncGroupTopic(syncId + "-p" + pair.generation(), group.name()),
                        group.selection()))
                .toList();
    }

    public List<SyncGroupTopic> groups(PairId pair) {
        NamespaceSelection sync = persisted.get().map(record -> Selections.of(record.spec()))
                .orElse(NamespaceSelection.ALL);
        return layout(pair, sync).stream().map(PairGroup::topic).toList();
    }

    /** Source and sink connector of every group, in that order per group. */
    public List<String> connectorNames(PairId pair) {
        return groups(pair).stream()
                .flatMap(topic -> Stream.of(SourceConnectorConfigs.connectorName(topic),
                        SinkConnectorConfigs.connectorName(topic)))
                .toList();
    }
}
