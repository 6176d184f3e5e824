package io.c2csync.controlplane.connect;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A connector as the sync needs it on Connect: its name and its whole config. */
public record DesiredConnector(String name, SortedMap<String, String> config) {
    public DesiredConnector {
        Objects.requireNonNull(name, "name");
        config = new TreeMap<>(config);
    }

    /** Whether Connect's config (which adds {@code name}) is this one. */
    boolean matches(Map<String, String> actual) {
        Map<String, String> withoutName = new TreeMap<>(actual);
        withoutName.remove("name");
        return withoutName.equals(config);
    }
}
