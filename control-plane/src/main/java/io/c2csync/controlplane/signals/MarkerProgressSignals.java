package io.c2csync.controlplane.signals;

import com.mongodb.client.model.Filters;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.connect.Selections;
import io.c2csync.controlplane.mongo.CollectionSizes;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.NamespaceCopy;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.ProgressSignals;
import io.c2csync.controlplane.sync.Verification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * Progress from what reached the destination. Lag: the oldest of the groups' newest heartbeats
 * there. Copy done and indexes built: every group's first heartbeat arrived — the source task
 * sends the whole copy, its index builds included, before it streams any change ({@link AppliedHeartbeats}). Events applied:
 * the sink's checkpoints (the Kafka offset applied last, per group topic). Copy bytes: the
 * selected collections' sizes on the source against those on the destination. Verification: the
 * embedded verifier's counters.
 */
public final class MarkerProgressSignals implements ProgressSignals {
    private static final CollectionSizes.Size NOTHING = new CollectionSizes.Size(0, 0);

    private final ClusterClients clients;
    private final PairTopics topics;
    private final AppliedHeartbeats heartbeats;
    private final Verification verification;

    public MarkerProgressSignals(ClusterClients clients, PairTopics topics, Verification verification) {
        this.clients = clients;
        this.topics = topics;
        this.heartbeats = new AppliedHeartbeats(clients, topics);
        this.verification = verification;
    }

    @Override
    public ProgressSample sample(ConnectorPair pair) {
        Optional<Instant> newestApplied = heartbeats.newestOfEveryGroup(pair);
        boolean streaming = newestApplied.isPresent();
        return new ProgressSample(copy(pair, streaming), newestApplied.orElse(null),
                eventsApplied(pair, topics.groups(pair.id())), streaming, verification.report(pair).orElse(null));
    }

    /**
     * A pair that streams from a cluster time (after reverse) copies nothing: its copy is done from the start.
     * Per namespace the source's size and count are the estimate, the destination's what is copied.
     */
    private CopyProgress copy(ConnectorPair pair, boolean streaming) {
        boolean done = streaming || pair.startPoint().resumeAt().isPresent();
        NamespaceSelection selection = Selections.of(pair.spec());
        Map<String, CollectionSizes.Size> source = clients.on(pair.direction().source(),
                "measuring the collections to copy", client -> CollectionSizes.byNamespace(client, selection::selects));
        Map<String, CollectionSizes.Size> destination = done ? source : clients.on(pair.direction().destination(),
                "measuring the copied collections", client -> CollectionSizes.byNamespace(client, selection::selects));
        List<NamespaceCopy> namespaces = source.entrySet().stream().map(estimate -> {
            CollectionSizes.Size copied = destination.getOrDefault(estimate.getKey(), NOTHING);
            return new NamespaceCopy(estimate.getKey(), estimate.getValue().bytes(),
                    Math.min(estimate.getValue().bytes(), copied.bytes()), estimate.getValue().documents(),
                    Math.min(estimate.getValue().documents(), copied.documents()));
        }).toList();
        long total = namespaces.stream().mapToLong(NamespaceCopy::estimatedBytes).sum();
        long copied = namespaces.stream().mapToLong(NamespaceCopy::copiedBytes).sum();
        return new CopyProgress(total, copied, done, namespaces);
    }

    private long eventsApplied(ConnectorPair pair, List<SyncGroupTopic> groups) {
        return clients.on(pair.direction().destination(), "reading the sink checkpoints", client -> {
            long applied = 0;
            for (SyncGroupTopic topic : groups) {
                BsonDocument checkpoint = client.getDatabase(MarkerNamespace.DATABASE)
                        .getCollection(MarkerNamespace.CHECKPOINTS, BsonDocument.class)
                        .find(Filters.eq("_id", topic.name() + "/0")).first();
                if (checkpoint != null) {
                    applied += checkpoint.getNumber("offset").longValue() + 1;
                }
            }
            return applied;
        });
    }
}
