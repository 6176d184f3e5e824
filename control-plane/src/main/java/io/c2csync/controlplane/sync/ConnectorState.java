package io.c2csync.controlplane.sync;

/** A connector's or task's state as Kafka Connect reports it, plus MISSING when it is not deployed. */
public enum ConnectorState {
    RUNNING,
    PAUSED,
    STOPPED,
    UNASSIGNED,
    RESTARTING,
    FAILED,
    MISSING
}
