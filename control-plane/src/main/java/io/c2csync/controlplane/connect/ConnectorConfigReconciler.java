package io.c2csync.controlplane.connect;

import io.c2csync.connect.ConnectClient;
import io.c2csync.connect.ConnectRestException;
import java.util.Map;
import java.util.Optional;

/** Makes a connector's config on Connect the desired one, writing only when they differ. */
final class ConnectorConfigReconciler {
    static final int NOT_FOUND = 404;

    private final ConnectClient client;

    ConnectorConfigReconciler(ConnectClient client) {
        this.client = client;
    }

    /** Returns whether it wrote (created or replaced) the config. */
    boolean apply(DesiredConnector desired) {
        Optional<Map<String, String>> actual = actualConfig(desired.name());
        if (actual.isPresent() && desired.matches(actual.get())) {
            return false;
        }
        client.putConfig(desired.name(), desired.config());
        return true;
    }

    private Optional<Map<String, String>> actualConfig(String name) {
        try {
            return Optional.of(client.config(name));
        } catch (ConnectRestException e) {
            if (e.status() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
