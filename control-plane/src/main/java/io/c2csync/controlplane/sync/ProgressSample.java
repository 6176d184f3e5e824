package io.c2csync.controlplane.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's progress signals at one moment.
 *
 * @param newestAppliedSourceTime source wall time of the newest heartbeat marker applied on the
 *     destination; absent until the first one arrives
 * @param verification absent when verification is off or has not reported yet
 */
public record ProgressSample(
        CopyProgress copy,
        Instant newestAppliedSourceTime,
        long eventsApplied,
        boolean indexesBuilt,
        VerificationReport verification) {

    public ProgressSample {
        Objects.requireNonNull(copy, "copy");
    }

    public Optional<Instant> newestApplied() {
        return Optional.ofNullable(newestAppliedSourceTime);
    }

    public Optional<VerificationReport> verificationReport() {
        return Optional.ofNullable(verification);
    }
}
