package io.c2csync.runtime;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Polls a condition until it holds or a deadline passes. An exception thrown by the condition
 * counts as "not yet" (and becomes the cause of the timeout); an exception thrown by the guard
 * (e.g. "the process died") ends the wait at once.
 */
public final class Await {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final String description;
    private final Duration timeout;
    private final Runnable guard;

    private Await(String description, Duration timeout, Runnable guard) {
        this.description = description;
        this.timeout = timeout;
        this.guard = guard;
    }

    public static Await await(String description, Duration timeout) {
        return new Await(description, timeout, () -> { });
    }

    public Await guardedBy(Runnable newGuard) {
        return new Await(description, timeout, newGuard);
    }

    public void until(Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            guard.run();
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + description, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ConditionTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for "
                        + description + (lastFailure == null ? "" : "; last failure: " + lastFailure), lastFailure);
            }
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + description, e);
        }
    }
}
