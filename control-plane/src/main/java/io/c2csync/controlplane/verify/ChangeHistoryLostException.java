package io.c2csync.controlplane.verify;

/** A cluster's change stream cannot be read from the time asked for (its oplog no longer reaches back that far). */
public final class ChangeHistoryLostException extends RuntimeException {

    ChangeHistoryLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
