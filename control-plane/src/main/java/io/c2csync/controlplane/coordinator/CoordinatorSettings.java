package io.c2csync.controlplane.coordinator;

import java.time.Duration;
import java.util.Objects;

/**
 * @param instanceId shown as {@code mongosyncID} / {@code coordinatorID}
 * @param retryDelay pause between two attempts of a procedure step that waits or failed
 * @param reconcileInterval how often the connectors are compared with the desired state
 */
public record CoordinatorSettings(String instanceId, Duration retryDelay, Duration reconcileInterval) {
    public CoordinatorSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        requirePositive("retryDelay", retryDelay);
        requirePositive("reconcileInterval", reconcileInterval);
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
