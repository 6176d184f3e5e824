package io.c2csync.controlplane.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The API port the demo asks for: the one wanted if it is free, else 0 (any free port). */
final class ApiPort {

    private ApiPort() {
    }

    /** {@code wanted} when it can be bound on {@code bind} now, else 0; 0 stays 0. */
    static int freeOrAny(String bind, int wanted) {
        if (wanted == 0) {
            return 0;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(bind), wanted));
            return wanted;
        } catch (IOException taken) {
            return 0;
        }
    }
}
