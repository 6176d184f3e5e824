package io.c2csync.controlplane.connect;

import io.c2csync.connect.ConnectClient;
import io.c2csync.connect.ConnectRestException;
import io.c2csync.controlplane.signals.CommitMarkers;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.PipelineStatus;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Pipeline} on a Kafka Connect cluster through its REST API. */
public final class ConnectPipeline implements Pipeline {
    private static final Logger log = LoggerFactory.getLogger(ConnectPipeline.class);
    /** Connect answers 409 while its workers rebalance: a passing condition, like an unreachable worker. */
    private static final int REBALANCING = 409;

    private final ConnectClient client;
    private final PairTopics topics;
    private final ConnectorConfigFactory configs;
    private final ConnectorConfigReconciler reconciler;
    private final CommitMarkers commitMarkers;
    private final Supplier<List<String>> hostWarnings;

    public ConnectPipeline(ConnectClient client, PairTopics topics, ClusterSecrets secrets, CommitMarkers commitMarkers) {
        this(client, topics, secrets, commitMarkers, List::of);
    }

    /** @param hostWarnings what the Connect cluster's host knows is wrong with it (see {@link #hostWarnings()}) */
    public ConnectPipeline(ConnectClient client, PairTopics topics, ClusterSecrets secrets, CommitMarkers commitMarkers,
            Supplier<List<String>> hostWarnings) {
        this.client = client;
        this.topics = topics;
        this.configs = new ConnectorConfigFactory(topics, secrets);
        this.reconciler = new ConnectorConfigReconciler(client);
        this.commitMarkers = commitMarkers;
        this.hostWarnings = hostWarnings;
    }

    @Override
    public void deploy(ConnectorPair pair) {
        for (DesiredConnector connector : configs.configs(pair)) {
            if (call("deploying " + connector.name(), () -> reconciler.apply(connector))) {
                log.info("Deployed connector {} (pair {})", connector.name(), pair.id().generation());
            }
        }
    }

    @Override
    public void pause(PairId pair) {
        eachExisting(pair, "pausing", client::pause);
    }

    @Override
    public void resume(PairId pair) {
        eachExisting(pair, "resuming", client::resume);
    }

    @Override
    public void remove(PairId pair) {
        eachExisting(pair, "removing", client::delete);
    }

    @Override
    public PipelineStatus status(PairId pair) {
        return new PipelineStatus(topics.connectorNames(pair).stream()
                .map(name -> call("reading the status of " + name, () -> statusOf(name)))
                .toList());
    }

    @Override
    public void restartFailed(PairId pair) {
        for (String name : topics.connectorNames(pair)) {
            ConnectorStatus status = call("reading the status of " + name, () -> statusOf(name));
            if (status.failed()) {
                call("restarting " + name, () -> {
                    client.restart(name);
                    return null;
                });
                log.info("Restarted connector {} and its tasks (pair {}): {}", name, pair.generation(),
                        status.failedTasks().isEmpty() ? "the connector failed" : status.failedTasks());
            }
        }
    }

    @Override
    public boolean appliedThrough(PairId pair, ClusterTime point) {
        return commitMarkers.appliedThrough(pair, point);
    }

    @Override
    public List<String> hostWarnings() {
        return hostWarnings.get();
    }

    private ConnectorStatus statusOf(String name) {
        try {
            return ConnectorStatuses.of(client.status(name));
        } catch (ConnectRestException e) {
            if (e.status() == ConnectorConfigReconciler.NOT_FOUND) {
                return ConnectorStatuses.missing(name);
            }
            throw e;
        }
    }

    /**
     * Idempotent: a connector that is not there is already removed, and has nothing to pause or resume. The requests
     * go out at once (each takes 80-250 ms in Connect, and a commit pauses four connectors); the first failure is
     * thrown once all have ended, the others suppressed in it.
     */
    private void eachExisting(PairId pair, String action, Consumer<String> operation) {
        List<String> names = topics.connectorNames(pair);
        ExecutorService requests = Executors.newFixedThreadPool(Math.max(1, names.size()), r -> {
            Thread t = new Thread(r, "connect-" + action);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> sent = names.stream().<Future<?>>map(name -> requests.submit(
                    () -> existing(name, action, operation))).toList();
            RuntimeException first = null;
            for (Future<?> request : sent) {
                first = failureOf(request, first);
            }
            if (first != null) {
                throw first;
            }
        } finally {
            requests.shutdownNow();
        }
        log.info("Connectors of pair {}: {} done ({})", pair.generation(), action, String.join(", ", names));
    }

    private void existing(String name, String action, Consumer<String> operation) {
        call(action + " " + name, () -> {
            try {
                operation.accept(name);
            } catch (ConnectRestException e) {
                if (e.status() != ConnectorConfigReconciler.NOT_FOUND) {
                    throw e;
                }
                log.info("Connector {} is not deployed; nothing to do for {}", name, action);
            }
            return null;
        });
    }

    /** Waits for {@code request}; returns the first failure so far, with this one's added to it. */
    private static RuntimeException failureOf(Future<?> request, RuntimeException first) {
        try {
            request.get();
            return first;
        } catch (ExecutionException e) {
            RuntimeException failure = e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
            if (first == null) {
                return failure;
            }
            first.addSuppressed(failure);
            return first;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka Connect", e);
        }
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (UncheckedIOException e) {
            throw new SyncException(SyncError.CONNECT_UNAVAILABLE, "Kafka Connect at " + client.baseUrl()
                    + " cannot be reached while " + what + ": " + e.getMessage(), e);
        } catch (ConnectRestException e) {
            if (e.status() >= 500 || e.status() == REBALANCING) {
                throw new SyncException(SyncError.CONNECT_UNAVAILABLE, "Kafka Connect could not complete "
                        + what + " now: " + e.connectMessage(), e);
            }
            throw new IllegalStateException("Kafka Connect refused " + what + ": " + e.getMessage(), e);
        }
    }
}
