package io.c2csync.controlplane.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.c2csync.controlplane.sync.SyncState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The malformed and out-of-order calls of {@link BadCalls}, over real HTTP, with the coordinator on
 * fakes holding each state of the contract (COMMITTING and REVERSING included): every call the
 * state does not allow, in every state; the calls whose answer does not depend on the state, in
 * IDLE (where a valid start would succeed) and COMMITTING (a procedure running; RUNNING is
 * {@link RealRunHardeningTest}'s, with real data). Each
 * gets the contract's error, and after each group the state, the persisted record and the calls
 * made to the clusters and the pipeline are what they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBadInputTest {
    /** The issue asks for at least this many distinct bad calls. */
    private static final int DISTINCT_CALLS_AT_LEAST = 200;
    private static final Set<SyncState> EVERY_GROUP_IN = EnumSet.of(SyncState.IDLE, SyncState.COMMITTING);

    private final Set<String> distinctCallsAnswered = ConcurrentHashMap.newKeySet();
    private final List<ServedCoordinator> served = new ArrayList<>();

    @TestFactory
    Stream<DynamicNode> everyBadCallInEveryState() {
        return Arrays.stream(SyncState.values()).map(state -> dynamicContainer(state.name(), inState(state)));
    }

    @AfterAll
    void atLeastTwoHundredDistinctCallsWereAnswered() {
        served.forEach(ServedCoordinator::close);  // those a failure left open
        assertThat(distinctCallsAnswered).hasSizeGreaterThanOrEqualTo(DISTINCT_CALLS_AT_LEAST);
    }

    private Stream<DynamicNode> inState(SyncState state) {
        ServedCoordinator[] api = new ServedCoordinator[1];
        ServedCoordinator.Snapshot[] before = new ServedCoordinator.Snapshot[1];
        List<List<BadCall>> groups = new ArrayList<>(EVERY_GROUP_IN.contains(state) ? BadCalls.inAnyState() : List.of());
        groups.add(BadCalls.wrongState(state));
        if (state == SyncState.IDLE) {
            groups.add(BadCalls.invalidOptions());
        }
        Stream<DynamicNode> serve = Stream.of(dynamicTest("serve the API in " + state, () -> {
            api[0] = new ServedCoordinator(state);
            served.add(api[0]);
            before[0] = api[0].snapshot();
            assertThat(before[0].state()).isEqualTo(state.name());
        }));
        Stream<DynamicNode> calls = groups.stream().filter(group -> !group.isEmpty()).map(group -> dynamicContainer(
                group.get(0).group(), Stream.concat(
                        group.stream().map(call -> dynamicTest(call.displayName(), () -> answer(api[0], call))),
                        Stream.of(dynamicTest("nothing changed", () ->
                                assertThat(api[0].snapshot()).isEqualTo(before[0]))))));
        Stream<DynamicNode> close = Stream.of(dynamicTest("close the API in " + state, () -> {
            served.remove(api[0]);
            api[0].close();
        }));
        return Stream.of(serve, calls, close).flatMap(nodes -> nodes);
    }

    private void answer(ServedCoordinator api, BadCall call) {
        ContractErrors.assertAnswered(api.calls, call);
        distinctCallsAnswered.add(call.key());
    }
}
