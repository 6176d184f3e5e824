package io.c2csync.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Picks free TCP ports on the loopback interface. */
public final class LoopbackPorts {

    public static final String HOST = "127.0.0.1";

    private static final int CONNECT_TIMEOUT_MS = 500;

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
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
    }
}
