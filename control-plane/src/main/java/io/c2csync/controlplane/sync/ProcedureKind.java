package io.c2csync.controlplane.sync;

/** The long procedures that run in numbered, persisted steps. */
public enum ProcedureKind {
    START,
    COMMIT,
    REVERSE
}
