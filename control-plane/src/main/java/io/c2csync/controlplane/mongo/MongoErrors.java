package io.c2csync.controlplane.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import java.util.Set;

/** The one place that decides what a driver exception means for the API. */
public final class MongoErrors {
    static final int UNAUTHORIZED = 13;
    static final int COMMAND_NOT_FOUND = 59;
    /** Server codes of an unreachable or stepping-down server (HostUnreachable, NetworkTimeout, ...), as drivers retry. */
    static final Set<Integer> UNREACHABLE_CODES = Set.of(6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436);

    private MongoErrors() {
    }

    /**
     * A {@link SyncException} for failures the user can act on (unreachable, not allowed, too
     * old); anything else is returned as it is, to surface as an internal error.
     */
    public static RuntimeException classify(String cluster, String operation, MongoException e) {
        String where = operation + " on " + cluster + " failed: ";
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException
                || e instanceof MongoCommandException reply && UNREACHABLE_CODES.contains(reply.getErrorCode())) {
            return new SyncException(SyncError.CLUSTER_UNREACHABLE, where + "cannot reach the cluster; check the hosts"
                    + " and ports of its connection string and that the server runs and can be reached from here ("
                    + e.getMessage() + ")", e);
        }
        if (e instanceof MongoSecurityException) {
            return new SyncException(SyncError.INSUFFICIENT_PRIVILEGES, where + "authentication failed; check the"
                    + " user and password (and authSource) of its connection string (" + e.getMessage() + ")", e);
        }
        if (e instanceof MongoCommandException command) {
            if (command.getErrorCode() == UNAUTHORIZED) {
                return new SyncException(SyncError.INSUFFICIENT_PRIVILEGES, where + "the user is not authorized ("
                        + command.getErrorMessage() + ")", e);
            }
            if (command.getErrorCode() == COMMAND_NOT_FOUND) {
                return new SyncException(SyncError.UNSUPPORTED_SERVER_VERSION, where + "the server does not know"
                        + " the command; it needs MongoDB 6.0 or later (" + command.getErrorMessage() + ")", e);
            }
        }
        return e;
    }
}
