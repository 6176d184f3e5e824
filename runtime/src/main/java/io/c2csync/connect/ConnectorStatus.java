package io.c2csync.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code GET /connectors/{name}/status}: the connector and each of its tasks. */
public record ConnectorStatus(String name, Component connector, List<Task> tasks, String type) {

    public ConnectorStatus {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** The connector and at least one task are in {@code state}, and every task is. */
    public boolean isFully(ConnectState state) {
        return connector.state() == state && !tasks.isEmpty()
                && tasks.stream().allMatch(task -> task.state() == state);
    }

    /** The stack traces of the connector and tasks that failed, for error messages. */
    public String failureTraces() {
        return Stream.concat(
                        Stream.of(connector).filter(c -> c.trace() != null).map(c -> "connector: " + c.trace()),
                        tasks.stream().filter(t -> t.trace() != null).map(t -> "task " + t.id() + ": " + t.trace()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    public record Component(ConnectState state, @JsonProperty("worker_id") String workerId, String trace) {
    }

    public record Task(int id, ConnectState state, @JsonProperty("worker_id") String workerId, String trace) {
    }
}
