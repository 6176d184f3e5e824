package io.c2csync.connect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that takes requests and never answers (frozen by SIGSTOP, found by the fault matrix): a status read fails
 * after the status timeout, not the request timeout — the control plane's reconcile polls statuses on the thread
 * that runs the commit, and a 90 s wait per read starved the commit's retries.
 */
class ConnectClientStuckWorkerTest {
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void startStuckWorker() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStuckWorker() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    @Timeout(60)
    void aStatusReadFromAWorkerThatNeverAnswersFailsAfterTheStatusTimeout() {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        ConnectClient client = new ConnectClient(url, Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMillis(300));

        assertThatThrownBy(() -> client.status("c2c-sync.any-p1.db-shop-source"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("/connectors/c2c-sync.any-p1.db-shop-source/status")
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }
}
