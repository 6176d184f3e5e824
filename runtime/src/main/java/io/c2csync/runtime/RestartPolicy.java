package io.c2csync.runtime;

import java.time.Duration;

/**
 * When the runtime starts a child again that exited on its own: after a back-off that doubles from
 * {@code firstBackoff} up to {@code maxBackoff}, at most {@code maxRestartsInARow} times in a row. A
 * child that stayed up for {@code stableAfter} starts a new row; one more failure in a full row and
 * the runtime gives up on it. A restarted child that is still starting after {@code readyTimeout}
 * counts as a failure (it is stopped); a machine busy enough to kill a child is often slow to start one.
 */
public record RestartPolicy(int maxRestartsInARow, Duration stableAfter, Duration firstBackoff, Duration maxBackoff,
        Duration readyTimeout) {

    /**
     * 5 restarts in a row, 1 s, 2 s, 4 s, 8 s, 16 s apart; a child up for a minute starts a new row;
     * 5 minutes to become ready.
     */
    public static final RestartPolicy DEFAULT = new RestartPolicy(5, Duration.ofMinutes(1), Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMinutes(5));

    public RestartPolicy {
        if (maxRestartsInARow < 0) {
            throw new IllegalArgumentException("maxRestartsInARow must be 0 or more, was " + maxRestartsInARow);
        }
        requirePositive("stableAfter", stableAfter);
        requirePositive("firstBackoff", firstBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("readyTimeout", readyTimeout);
    }

    /** The wait before restart number {@code restart} (1-based) of a row. */
    Duration backoff(int restart) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < restart && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
