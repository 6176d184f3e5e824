package io.c2csync.controlplane.sync;

import java.util.List;
import java.util.Objects;

/**
 * Where the commit's final verification is.
 *
 * @param summary for {@link Status#DIFFERENT}: the count of differences and the first differing namespaces and
 *     {@code _id}s; otherwise a short note
 * @param differences for {@link Status#DIFFERENT}: the first differences, one line each
 */
public record FinalCheck(Status status, String summary, List<String> differences) {

    public enum Status {
        /** Still comparing; ask again. */
        RUNNING,
        /** The destination holds exactly what the source holds. */
        EQUAL,
        DIFFERENT
    }

    public FinalCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        differences = List.copyOf(differences);
    }

    public static FinalCheck running() {
        return new FinalCheck(Status.RUNNING, "comparing the clusters", List.of());
    }
}
