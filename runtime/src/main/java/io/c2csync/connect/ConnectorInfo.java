package io.c2csync.connect;

import java.util.List;
import java.util.Map;

/** What Connect answers when a connector is created or its config is replaced. */
public record ConnectorInfo(String name, Map<String, String> config, List<TaskId> tasks, String type) {

    public record TaskId(String connector, int task) {
    }
}
