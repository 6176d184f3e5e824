package io.c2csync.connect;

import java.util.Locale;

/** Kafka Connect answered a REST request with a status other than 2xx. */
public class ConnectRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int CONFLICT = 409;
    private static final int SERVER_ERROR = 500;

    private final int status;
    private final String connectMessage;

    ConnectRestException(String request, int status, String connectMessage) {
        super(request + " failed with HTTP " + status + ": " + connectMessage);
        this.status = status;
        this.connectMessage = connectMessage;
    }

    public int status() {
        return status;
    }

    /**
     * Connect refused the request because its worker group is rebalancing or about to ("rebalance is expected",
     * "rebalance in progress", "stale configuration"): the request was not carried out and may be sent again.
     */
    public boolean isRebalancing() {
        String message = connectMessage == null ? "" : connectMessage.toLowerCase(Locale.ROOT);
        return (status == CONFLICT || status == SERVER_ERROR)
                && (message.contains("rebalance") || message.contains("stale configuration"));
    }

    /** The {@code message} of Connect's error body (or the raw body if it had none). */
    public String connectMessage() {
        return connectMessage;
    }
}
