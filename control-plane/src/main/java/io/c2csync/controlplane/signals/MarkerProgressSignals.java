package io.c2csync.controlplane.signals;

import com.mongodb.client.model.Filters;
import io.c2csync.connector.topics.Marker;
import io.c2csync.connector.topics.MarkerKind;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * Progress from what reached the destination. Lag: the oldest of the groups' newest heartbeats
 * there. Copy done and indexes built: every group's first heartbeat arrived — the source task
 * sends the whole copy, its index builds included, before it streams any change. Events applied:
 * the sink's checkpoints (the Kafka offset applied last, per group topic). Copy bytes: the
 * selected collections' sizes on the source against those on the destination.
 */
public final class MarkerProgressSignals implements ProgressSignals {
    private static final CollectionSizes.Size NOTHING = new CollectionSizes.Size(0, 0);

    private final ClusterClients clients;
    private final PairTopics topics;

    public MarkerProgressSignals(ClusterClients clients, PairTopics topics) {
        this.clients = clients;
        this.topics = topics;
    }

    @Override
    public ProgressSample sample(ConnectorPair pair) {
        List<SyncGroupTopic> groups = topics.groups(pair.id());
        List<Optional<Instant>> heartbeats = groups.stream().map(topic -> clients.on(pair.direction().destination(),
                "reading the applied heartbeat", client -> new MarkerCollection(client)
                        .read(topic, MarkerKind.HEARTBEAT).map(Marker::wallTime))).toList();
        boolean streaming = heartbeats.stream().allMatch(Optional::isPresent);
        Instant newestApplied = streaming
                ? heartbeats.stream().map(Optional::get).min(Instant::compareTo).orElseThrow()
                : null;
        return new ProgressSample(copy(pair, streaming), newestApplied, eventsApplied(pair, groups), streaming, null);
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
