package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.sync.SyncState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The API is reachable only on the address it binds to: loopback by default, wider only when asked. */
class ApiBindTest {

    @Test
    void onTheLoopbackAddressItCannotBeReachedFromAnotherInterface() {
        InetAddress other = nonLoopbackAddress();
        try (ServedCoordinator api = new ServedCoordinator(SyncState.IDLE)) {
            assertThat(api.address().getAddress().isLoopbackAddress()).isTrue();
            assertThatThrownBy(() -> connect(new InetSocketAddress(other, api.address().getPort())))
                    .hasCauseInstanceOf(ConnectException.class);
        }
    }

    @Test
    void boundWiderItIsReachableThereAndATokenKeepsStrangersOut() {
        InetAddress other = nonLoopbackAddress();
        try (ServedCoordinator api = new ServedCoordinator(SyncState.IDLE, "wide-bind-token",
                new InetSocketAddress("0.0.0.0", 0))) {
            HttpCalls fromOutside = new HttpCalls(URI.create("http://" + other.getHostAddress() + ":"
                    + api.address().getPort() + "/api/v1/"), null);

            ContractErrors.assertError(fromOutside.send("GET", "/api/v1/progress", Map.of(), null), 401, "Unauthorized");
            assertThat(fromOutside.withToken("wide-bind-token").progress().path("state").asText()).isEqualTo("IDLE");
        }
    }

    private static void connect(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + address, e);
        }
    }

    private static InetAddress nonLoopbackAddress() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (network.isUp() && !network.isLoopback()) {
                    for (InetAddress address : Collections.list(network.getInetAddresses())) {
                        if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                            return address;
                        }
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list the network interfaces", e);
        }
        Assumptions.abort("this machine has no non-loopback IPv4 address to try the API from");
        throw new AssertionError("unreachable");
    }
}
