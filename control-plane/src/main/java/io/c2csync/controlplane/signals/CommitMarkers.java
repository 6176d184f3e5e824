package io.c2csync.controlplane.signals;

import io.c2csync.connector.topics.Marker;
import io.c2csync.connector.topics.MarkerKind;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.PairId;
import java.time.Clock;
import java.util.Optional;
import org.bson.BsonTimestamp;

/**
 * "Applied through cluster time T": a commit marker standing for T is written on the source after
 * T (once per T), and T is applied on the destination when that marker has arrived there: each
 * group's events travel one ordered partition, so everything before the marker was applied first.
 */
public final class CommitMarkers {
    private final PersistedSync sync;
    private final ClusterClients clients;
    private final PairTopics topics;
    private final Clock clock;

    public CommitMarkers(PersistedSync sync, ClusterClients clients, PairTopics topics, Clock clock) {
        this.sync = sync;
        this.clients = clients;
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * Writes the markers of every group before reading any arrival, so that a destination that cannot be read yet
     * holds back no group's marker: each retry of a failing read would otherwise have written one more group's.
     */
    public boolean appliedThrough(PairId id, ClusterTime point) {
        ConnectorPair pair = sync.currentPair(id);
        for (SyncGroupTopic topic : topics.groups(id)) {
            writeOnce(pair, topic, point);
        }
        boolean applied = true;
        for (SyncGroupTopic topic : topics.groups(id)) {
            Optional<Marker> arrived = clients.on(pair.direction().destination(), "reading the applied commit marker",
                    client -> new MarkerCollection(client).read(topic, MarkerKind.COMMIT_POINT));
            applied &= arrived.isPresent() && !point.isAfter(timeOf(arrived.get()));
        }
        return applied;
    }

    private void writeOnce(ConnectorPair pair, SyncGroupTopic topic, ClusterTime point) {
        Optional<Marker> written = clients.on(pair.direction().source(), "reading the commit marker",
                client -> new MarkerCollection(client).read(topic, MarkerKind.COMMIT_POINT));
        if (written.isEmpty() || point.isAfter(timeOf(written.get()))) {
            Marker marker = new Marker(topic.syncId(), topic.group(), MarkerKind.COMMIT_POINT,
                    written.map(m -> m.sequence() + 1).orElse(0L), clock.instant(),
                    new BsonTimestamp((int) point.seconds(), point.increment()));
            clients.on(pair.direction().source(), "writing the commit marker", client -> {
                new MarkerCollection(client).write(marker);
                return null;
            });
        }
    }

    private static ClusterTime timeOf(Marker marker) {
        BsonTimestamp time = marker.sourceClusterTime();
        return new ClusterTime(Integer.toUnsignedLong(time.getTime()), time.getInc());
    }
}
