package io.c2csync.controlplane.fakes;

import io.c2csync.controlplane.sync.ApiCall;
import io.c2csync.controlplane.sync.SyncState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every (state, call) pair, for tests that go through the whole table. */
public final class StateCells {
    private StateCells() {
    }

    public static Stream<Arguments> everyCell() {
        List<Arguments> cells = new ArrayList<>();
        for (SyncState state : SyncState.values()) {
            for (ApiCall call : ApiCall.values()) {
                cells.add(Arguments.of(state, call));
            }
        }
        return cells.stream();
    }
}
