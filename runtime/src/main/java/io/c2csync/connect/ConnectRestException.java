package io.c2csync.connect;

/** Kafka Connect answered a REST request with a status other than 2xx. */
public class ConnectRestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

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

    /** The {@code message} of Connect's error body (or the raw body if it had none). */
    public String connectMessage() {
        return connectMessage;
    }
}
