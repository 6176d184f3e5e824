package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.sync.SyncState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same call sent several times at once over real HTTP (coordinator on fakes): exactly one
 * succeeds, every other gets 409 InvalidState, and the call's effect happens once.
 */
class ApiRaceTest {
    private static final int RACERS = 4;

    @ParameterizedTest(name = "{1} x" + RACERS + " in {0}")
    @CsvSource({
        "IDLE, start, RUNNING, pipeline: deploy 1 cluster0->cluster1 from initial copy",
        "RUNNING, commit, COMMITTED, cluster0: setUserWriteBlocking(true)",
        "COMMITTED, reverse, RUNNING, pipeline: deploy 2 cluster1->cluster0",
        "RUNNING, pause, PAUSED, pipeline: pause 1",
        "PAUSED, resume, RUNNING, pipeline: resume 1"})
    void onlyOneOfConcurrentCallsWins(SyncState state, String call, SyncState settled, String effect) throws Exception {
        try (ServedCoordinator api = new ServedCoordinator(state)) {
            long effectsBefore = count(api, effect);
            String body = call.equals("start") ? "{\"source\":\"cluster0\",\"destination\":\"cluster1\","
                    + "\"reversible\":true,\"enableUserWriteBlocking\":true}" : "{}";

            List<HttpCalls.Reply> replies = Racers.race(RACERS, () -> api.calls.post(call, body));

            Racers.assertOneWon(replies, call);
            api.harness.awaitPersistedState(settled);
            assertThat(api.calls.progress().path("state").asText()).isEqualTo(settled.name());
            assertThat(count(api, effect)).isEqualTo(effectsBefore + 1);
        }
    }

    private static long count(ServedCoordinator api, String effect) {
        return api.harness.journal.entries().stream().filter(entry -> entry.startsWith(effect)).count();
    }
}
