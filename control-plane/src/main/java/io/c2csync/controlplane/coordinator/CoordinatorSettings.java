package io.c2csync.controlplane.coordinator;

import java.time.Duration;
import java.util.Objects;

/**
 * @param instanceId shown as {@code mongosyncID} / {@code coordinatorID}
 * @param retryDelay pause between two attempts of a procedure step that waits or failed
 */
public record CoordinatorSettings(String instanceId, Duration retryDelay) {
    public CoordinatorSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        if (retryDelay.isNegative() || retryDelay.isZero()) {
            throw new IllegalArgumentException("retryDelay must be positive, got " + retryDelay);
        }
    }
}
