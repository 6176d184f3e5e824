package io.c2csync.controlplane.signals;

import io.c2csync.connector.topics.Marker;
import io.c2csync.connector.topics.MarkerKind;
import io.c2csync.connector.topics.SyncGroupTopic;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a heartbeat marker per sync group on the current source every second. Its arrival on
 * the destination gives the lag, and the first one to arrive shows that the copy (which precedes
 * the stream in the group's single partition) is done.
 */
public final class HeartbeatWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatWriter.class);
    /** States whose current pair carries the sync forward; a committed or reversing sync gets none. */
    private static final Set<SyncState> BEATING = EnumSet.of(SyncState.RUNNING, SyncState.PAUSED, SyncState.COMMITTING);

    private final PersistedSync sync;
    private final ClusterClients clients;
    private final PairTopics topics;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heartbeat-writer");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastFailure;

    public HeartbeatWriter(PersistedSync sync, ClusterClients clients, PairTopics topics, Clock clock) {
        this.sync = sync;
        this.clients = clients;
        this.topics = topics;
        this.clock = clock;
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::beatReporting, 0, 1, TimeUnit.SECONDS);
    }

    /** Writes one heartbeat per group of the current pair, if the sync is in a state that has one. */
    public void beat() {
        Optional<SyncRecord> current = sync.current().filter(record -> BEATING.contains(record.state()));
        if (current.isEmpty()) {
            return;
        }
        SyncRecord record = current.get();
        long next = sequence.updateAndGet(previous -> Math.max(previous + 1, clock.millis()));
        for (SyncGroupTopic topic : topics.groups(record.pair())) {
            Marker heartbeat = new Marker(topic.syncId(), topic.group(), MarkerKind.HEARTBEAT, next, clock.instant(), null);
            clients.on(record.direction().source(), "writing a heartbeat marker", client -> {
                new MarkerCollection(client).write(heartbeat);
                return null;
            });
        }
    }

    private void beatReporting() {
        try {
            beat();
            if (lastFailure != null) {
                log.info("Heartbeats are written again");
                lastFailure = null;
            }
        } catch (RuntimeException e) {
            if (!e.toString().equals(lastFailure)) {
                log.warn("Writing a heartbeat failed; retrying every second", e);
            }
            lastFailure = e.toString();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The heartbeat writer did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the heartbeat writer", e);
        }
    }
}
