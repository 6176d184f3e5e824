package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.api.ApiToken;
import io.c2csync.controlplane.sync.SyncState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --api-token}: every path of the server, the page and the metrics included, needs the bearer token. */
class ApiTokenTest {
    private static final String TOKEN = "t0ken-for-the-test";
    private static final List<String[]> EVERY_PATH = List.of(
            new String[] {"GET", "/api/v1/progress"}, new String[] {"POST", "/api/v1/start"},
            new String[] {"POST", "/api/v1/pause"}, new String[] {"POST", "/api/v1/resume"},
            new String[] {"POST", "/api/v1/commit"}, new String[] {"POST", "/api/v1/reverse"},
            new String[] {"GET", "/"}, new String[] {"GET", "/metrics"}, new String[] {"GET", "/page/status"},
            new String[] {"GET", "/assets/progress.js"}, new String[] {"GET", "/api/v1/unknown"},
            new String[] {"DELETE", "/api/v1/start"});
    private static ServedCoordinator api;

    @BeforeAll
    static void serve() {
        api = new ServedCoordinator(SyncState.IDLE, TOKEN,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void close() {
        api.close();
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer wrong", "Bearer t0ken-for-the-tes",
        "Bearer t0ken-for-the-test2", "Basic dDBrZW4tZm9yLXRoZS10ZXN0", "t0ken-for-the-test", "Token t0ken-for-the-test"})
    void everyPathWithoutTheTokenIsUnauthorizedAndChangesNothing(String authorization) {
        ServedCoordinator.Snapshot before = api.snapshot();
        Map<String, String> headers = authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
        for (String[] request : EVERY_PATH) {
            HttpCalls.Reply reply = api.calls.send(request[0], request[1], headers,
                    request[0].equals("GET") ? null : BadCalls.VALID_START);
            assertThat(ContractErrors.assertError(reply, 401, "Unauthorized")).contains("Authorization: Bearer");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(api.snapshot()).isEqualTo(before);
    }

    @Test
    void withTheTokenEveryPathAnswersAsUsual() {
        HttpCalls withToken = api.calls.withToken(TOKEN);
        assertThat(withToken.progress().path("state").asText()).isEqualTo("IDLE");
        assertThat(withToken.send("GET", "/metrics", Map.of(), null).status()).isEqualTo(200);
        assertThat(withToken.send("GET", "/", Map.of(), null).body()).contains("<html");
        assertThat(withToken.send("GET", "/page/status", Map.of(), null).status()).isEqualTo(200);
        ContractErrors.assertError(withToken.send("GET", "/api/v1/unknown", Map.of(), null), 404, "NotFound");
        assertThat(withToken.send("GET", "/api/v1/progress", Map.of("Authorization", "bearer " + TOKEN), null)
                .status()).as("the scheme is case-insensitive").isEqualTo(200);
    }

    @Test
    void aTokenNoHeaderCouldCarryIsRefusedAndNeverPrinted() {
        for (String bad : new String[] {"", " ", "two words", " padded", "tab\there"}) {
            assertThatThrownBy(() -> ApiToken.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("without whitespace");
        }
        assertThat(ApiToken.of(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(ApiToken.NONE.required()).isFalse();
    }
}
