package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.sync.SyncState;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies over the 1 MiB limit are refused with InvalidRequest, without the server reading them
 * whole: a declared length is refused before the body is sent at all. The sync stays IDLE.
 */
class OversizedBodyTest {
    private static final long TEN_MIB = 10L << 20;
    private static final long ONE_MIB = 1L << 20;
    private static ServedCoordinator api;
    private static InetSocketAddress server;

    @BeforeAll
    static void serve() {
        api = new ServedCoordinator(SyncState.IDLE);
        server = new InetSocketAddress(api.calls.server().getHost(), api.calls.server().getPort());
    }

    @AfterAll
    static void close() {
        api.close();
    }

    @AfterEach
    void stillIdleAndAnswering() {
        assertThat(api.calls.progress().path("state").asText()).isEqualTo("IDLE");
        assertThat(api.harness.journal.entries()).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws Exception {
        RawHttp.Reply reply = RawHttp.post(server, "/api/v1/start", "Content-Length: " + (10L << 30) + "\r\n",
                (out, counter) -> {
                    // nothing: the reply must come without a byte of the ten gibibytes declared
                });

        assertRefused(reply, "Content-Length " + (10L << 30));
        assertThat(reply.bytesSent().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void tenMibibytesWithTheirLengthAreRefused() throws Exception {
        RawHttp.Reply reply = RawHttp.post(server, "/api/v1/start", "Content-Type: application/json\r\n"
                + "Content-Length: " + TEN_MIB + "\r\n", RawHttp.spaces("{\"source\":\"cluster0\"", TEN_MIB));

        assertRefused(reply, "larger than " + ONE_MIB);
    }

    @Test
    void tenMibibytesStreamedWithoutALengthAreRefusedAfterTheLimit() {
        RawHttp.Reply reply = RawHttp.post(server, "/api/v1/start", "Transfer-Encoding: chunked\r\n",
                RawHttp.chunkedSpaces("{\"source\":\"cluster0\"", TEN_MIB));

        assertRefused(reply, "larger than " + ONE_MIB);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        RawHttp.Reply reply = RawHttp.post(server, "/api/v1/pause", "Content-Length: " + ONE_MIB + "\r\n",
                RawHttp.spaces("{}", ONE_MIB));

        // read whole and parsed: pause is refused for the state, not for the size
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("error").asText()).isEqualTo("InvalidState");
    }

    private static void assertRefused(RawHttp.Reply reply, String mentions) {
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.json().path("success").asBoolean(true)).isFalse();
        assertThat(reply.json().path("error").asText()).isEqualTo("InvalidRequest");
        assertThat(reply.json().path("errorDescription").asText()).contains(mentions);
    }
}
