package io.c2csync.controlplane;

import io.c2csync.controlplane.api.ApiToken;
import io.c2csync.controlplane.coordinator.CoordinatorSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a control plane runs.
 *
 * @param bind the API's address; port 0 picks a free one
 * @param stateFile where the sync state is persisted
 * @param apiToken what every request must present, or {@link ApiToken#NONE}
 */
public record ControlPlaneOptions(InetSocketAddress bind, Path stateFile, CoordinatorSettings coordinator,
        ApiToken apiToken) {
    public static final int DEFAULT_PORT = 27182;

    public ControlPlaneOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(apiToken, "apiToken");
    }

    /** Retries every second and reconciles every 10 s; no API token. */
    public static ControlPlaneOptions of(InetSocketAddress bind, Path stateFile, String instanceId) {
        return new ControlPlaneOptions(bind, stateFile,
                new CoordinatorSettings(instanceId, Duration.ofSeconds(1), Duration.ofSeconds(10)), ApiToken.NONE);
    }

    public ControlPlaneOptions withApiToken(ApiToken token) {
        return new ControlPlaneOptions(bind, stateFile, coordinator, token);
    }
}
