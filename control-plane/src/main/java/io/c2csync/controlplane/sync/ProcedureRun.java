package io.c2csync.controlplane.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One start, commit or reverse as it happened: kept in the record's history for the progress page.
 *
 * @param direction the direction the sync had when the procedure began
 * @param finishedAt null while it runs
 */
public record ProcedureRun(ProcedureKind kind, Direction direction, Instant startedAt, Instant finishedAt) {
    public ProcedureRun {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public static ProcedureRun begun(ProcedureKind kind, Direction direction, Instant at) {
        return new ProcedureRun(kind, direction, at, null);
    }

    public ProcedureRun finished(Instant at) {
        return new ProcedureRun(kind, direction, startedAt, at);
    }

    public Optional<Instant> finishedAtIfDone() {
        return Optional.ofNullable(finishedAt);
    }

    /** From start to finish; empty while it runs. */
    public Optional<Duration> duration() {
        return finishedAtIfDone().map(end -> Duration.between(startedAt, end));
    }
}
