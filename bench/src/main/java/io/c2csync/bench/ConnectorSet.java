package io.c2csync.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.c2csync.connect.ConnectClient;
import io.c2csync.connect.ConnectRestException;
import io.c2csync.connect.ConnectorStatus;
import io.c2csync.connect.ConnectState;
import io.c2csync.runtime.Await;

/** Connectors one measurement created on the worker: a wait that fails fast on a FAILED task, and removal. */
public final class ConnectorSet implements AutoCloseable {

    private static final int NOT_FOUND = 404;

    private final ConnectClient connect;
    private final List<String> names = new ArrayList<>();

    public ConnectorSet(ConnectClient connect) {
        this.connect = connect;
    }

    public void create(String name, Map<String, String> config) {
        connect.create(name, config);
        names.add(name);
    }

    /** Throws with the stack traces when any connector or task of the set failed. */
    public void ensureNoneFailed() {
        for (String name : names) {
            Optional<ConnectorStatus> reported = status(name);
            if (reported.isEmpty()) {
                continue;
            }
            ConnectorStatus status = reported.get();
            boolean failed = status.connector().state() == ConnectState.FAILED
                || status.tasks().stream().anyMatch(task -> task.state() == ConnectState.FAILED);
            if (failed) {
                throw new IllegalStateException("Connector " + name + " failed:\n" + status.failureTraces());
            }
        }
    }

    /** Empty while the worker has not reported a status yet (HTTP 404 right after creation). */
    private Optional<ConnectorStatus> status(String name) {
        try {
            return Optional.of(connect.status(name));
        } catch (ConnectRestException e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Waits for {@code condition}, failing at once if a connector of the set fails. */
    public void await(String description, Duration timeout, Callable<Boolean> condition) {
        Await.await(description, timeout).guardedBy(this::ensureNoneFailed).until(condition);
    }

    @Override
    public void close() {
        names.forEach(connect::delete);
        names.clear();
    }
}
