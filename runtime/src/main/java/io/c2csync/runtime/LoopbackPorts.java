package io.c2csync.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free TCP ports on the loopback interface. A child JVM binds the port seconds after it was
 * picked, so ports come from below the usual ephemeral range (Linux: 32768-60999), where outgoing
 * connections would not take them in the meantime.
 */
public final class LoopbackPorts {

    public static final String HOST = "127.0.0.1";

    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int FIRST_PORT = 20_000;
    private static final int END_PORT = 32_768;
    private static final int ATTEMPTS = 100;

    private LoopbackPorts() {
    }

    /** {@code configured} unless it is 0, else a port that was free a moment ago. */
    public static int configuredOrFree(int configured) {
        return configured != 0 ? configured : free();
    }

    /** Whether something accepts TCP connections on the loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int free() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, END_PORT);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port on " + HOST + " among " + ATTEMPTS + " tried in "
                + FIRST_PORT + ".." + (END_PORT - 1));
    }

    /** Whether a server socket can bind the loopback port now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
