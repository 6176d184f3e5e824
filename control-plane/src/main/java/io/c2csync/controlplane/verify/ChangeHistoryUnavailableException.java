package io.c2csync.controlplane.verify;

/** A cluster's change stream cannot be read from the time asked for: its oplog no longer reaches back that far, or the user may not read it. */
public final class ChangeHistoryUnavailableException extends RuntimeException {

    ChangeHistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
