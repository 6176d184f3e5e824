package io.c2csync.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connect answers some requests with "rebalancing" while its group settles; those are sent again. */
class ConnectClientRebalanceTest {

    private static final String REBALANCE_EXPECTED = "{\"error_code\":500,\"message\":\"Request cannot be completed because a rebalance is expected\"}";
    private static final String REBALANCE_IN_PROGRESS = "{\"error_code\":409,\"message\":\"Cannot complete request because of a conflicting operation (e.g. worker rebalance)\"}";

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    private record Answer(int status, String body) { }

    @BeforeEach
    void startFakeWorker() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopFakeWorker() {
        server.stop(0);
    }

    @Test
    void aRequestRefusedDuringARebalanceIsSentAgainUntilItIsAnswered() {
        answers.add(new Answer(500, REBALANCE_EXPECTED));
        answers.add(new Answer(409, REBALANCE_IN_PROGRESS));
        answers.add(new Answer(200, "[\"a\",\"b\"]"));

        assertThat(client(Duration.ofSeconds(10)).connectors()).containsExactly("a", "b");
        assertThat(requests).hasValue(3);
    }

    @Test
    void aRebalanceLongerThanThePatienceIsReportedWithConnectsMessage() {
        for (int i = 0; i < 100; i++) {
            answers.add(new Answer(500, REBALANCE_EXPECTED));
        }

        assertThatThrownBy(() -> client(Duration.ofMillis(500)).connectors())
                .isInstanceOfSatisfying(ConnectRestException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.isRebalancing()).isTrue();
                    assertThat(e.connectMessage()).contains("rebalance is expected");
                });
        assertThat(requests.get()).isBetween(2, 10);
    }

    @Test
    void otherErrorsAreNotRetried() {
        answers.add(new Answer(500, "{\"error_code\":500,\"message\":\"Connector configuration is invalid\"}"));
        answers.add(new Answer(200, "[]"));

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).connectors())
                .isInstanceOfSatisfying(ConnectRestException.class, e -> assertThat(e.isRebalancing()).isFalse());
        assertThat(requests).hasValue(1);
    }

    private ConnectClient client(Duration rebalancePatience) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new ConnectClient(url, Duration.ofSeconds(10), rebalancePatience);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Answer answer = answers.poll();
        byte[] body = (answer == null ? "{\"message\":\"no answer planned\"}" : answer.body()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer == null ? 599 : answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
