package io.c2csync.controlplane.fakes;

import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.ProgressSignals;
import java.time.Instant;

/** Progress signals set by the test. */
public final class FakeProgressSignals implements ProgressSignals {
    private volatile ProgressSample sample;

    public FakeProgressSignals(ProgressSample initial) {
        sample = initial;
    }

    /** Copy done, indexes built, the newest heartbeat applied at {@code newestApplied}. */
    public static ProgressSample caughtUp(Instant newestApplied) {
        return new ProgressSample(new CopyProgress(1000, 1000, true), newestApplied, 42, true, null);
    }

    public void set(ProgressSample newSample) {
        sample = newSample;
    }

    @Override
    public ProgressSample sample(ConnectorPair pair) {
        return sample;
    }
}
