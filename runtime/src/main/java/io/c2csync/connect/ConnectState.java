package io.c2csync.connect;

/** The state Kafka Connect reports for a connector or a task. */
public enum ConnectState {
    UNASSIGNED, RUNNING, PAUSED, STOPPED, FAILED, RESTARTING, DESTROYED
}
