package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void freePortIsBelowTheEphemeralRangeAndCanBeListenedOn() throws Exception {
        int port = LoopbackPorts.free();

        assertThat(port).isBetween(20_000, 32_767);
        assertThat(LoopbackPorts.isListening(port)).isFalse();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
            assertThat(LoopbackPorts.isListening(server.getLocalPort())).isTrue();
        }
    }

    @Test
    void configuredPortIsKept() {
        assertThat(LoopbackPorts.configuredOrFree(29_092)).isEqualTo(29_092);
    }
}
