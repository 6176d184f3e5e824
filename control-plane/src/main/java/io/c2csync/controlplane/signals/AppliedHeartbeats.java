package io.c2csync.controlplane.signals;

import io.c2csync.connector.topics.Marker;
import io.c2csync.connector.topics.MarkerKind;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.sync.ConnectorPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The heartbeats of a pair that reached its destination. A group's first one arriving shows that its copy (which
 * precedes the stream in the group's single partition) is done.
 */
public final class AppliedHeartbeats {
    private final ClusterClients clients;
    private final PairTopics topics;

    public AppliedHeartbeats(ClusterClients clients, PairTopics topics) {
        this.clients = clients;
        this.topics = topics;
    }

    /** The source wall time of the oldest of the groups' newest applied heartbeats; empty until every group has one. */
    public Optional<Instant> newestOfEveryGroup(ConnectorPair pair) {
        List<Optional<Instant>> heartbeats = topics.groups(pair.id()).stream().map(topic -> clients.on(
                pair.direction().destination(), "reading the applied heartbeat", client -> new MarkerCollection(client)
                        .read(topic, MarkerKind.HEARTBEAT).map(Marker::wallTime))).toList();
        return heartbeats.stream().allMatch(Optional::isPresent)
                ? heartbeats.stream().map(Optional::get).min(Instant::compareTo)
                : Optional.empty();
    }

    /** A pair that streams from a cluster time (after reverse) copies nothing: its copy is done from the start. */
    public boolean copyDone(ConnectorPair pair) {
        return pair.startPoint().resumeAt().isPresent() || newestOfEveryGroup(pair).isPresent();
    }
}
