package io.c2csync.controlplane.sync;

/** The error names of the API contract, each with the HTTP status the contract gives it. */
public enum SyncError {
    INVALID_REQUEST("InvalidRequest", 400),
    UNAUTHORIZED("Unauthorized", 401),
    INVALID_CLUSTER_NAME("InvalidClusterName", 400),
    INVALID_OPTIONS("InvalidOptions", 400),
    INVALID_STATE("InvalidState", 409),
    COMMIT_NOT_READY("CommitNotReady", 409),
    REVERSE_NOT_ALLOWED("ReverseNotAllowed", 409),
    DESTINATION_NOT_EMPTY("DestinationNotEmpty", 409),
    UNSUPPORTED_SERVER_VERSION("UnsupportedServerVersion", 400),
    INSUFFICIENT_PRIVILEGES("InsufficientPrivileges", 403),
    CLUSTER_UNREACHABLE("ClusterUnreachable", 503),
    CONNECT_UNAVAILABLE("ConnectUnavailable", 503),
    NOT_FOUND("NotFound", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    /** The commit's final check found the destination different from the source; the commit stopped. */
    VERIFICATION_FAILED("VerificationFailed", 409),
    /** A unique index could not be made unique again on the destination (duplicates); the commit stopped. */
    UNIQUE_INDEX_VIOLATION("UniqueIndexViolation", 409),
    /**
     * The source's change stream cannot resume from where the sync is: that point is no longer in the source's oplog
     * (error 286). The sync cannot be committed; it has to start again into an empty destination.
     */
    CHANGE_STREAM_HISTORY_LOST("ChangeStreamHistoryLost", 409),
    INTERNAL_ERROR("InternalError", 500);

    private final String errorName;
    private final int httpStatus;

    SyncError(String errorName, int httpStatus) {
        this.errorName = errorName;
        this.httpStatus = httpStatus;
    }

    public String errorName() {
        return errorName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
