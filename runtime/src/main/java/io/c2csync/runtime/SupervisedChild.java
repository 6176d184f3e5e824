package io.c2csync.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child of the runtime, started again by {@code starter} (same ports, same data) when it exits
 * on its own, as its {@link RestartPolicy} allows. Restarts run on the runtime's one supervisor
 * thread, so the broker and the worker never restart at the same moment. When the policy is used up
 * it gives up: an ERROR log line with the end of the child's log, {@link #warning()}, and
 * {@code gaveUp} completes.
 */
final class SupervisedChild {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedChild.class);

    private final String name;
    private final Function<Duration, ChildProcess> starter;
    private final RestartPolicy policy;
    private final ScheduledExecutorService supervisor;
    private final BooleanSupplier stopping;
    private final CompletableFuture<ChildProcessException> gaveUp;
    private ChildProcess current;
    private ChildProcess killedOnPurpose;
    private long startedNanos;
    private int failuresInARow;
    private String warning;

    /**
     * @param starter starts the child and returns once it is ready (within the given time), or throws
     *     (leaving no process)
     * @param stopping true once the runtime is closing: exits are expected then
     */
    SupervisedChild(String name, Function<Duration, ChildProcess> starter, RestartPolicy policy,
            ScheduledExecutorService supervisor, BooleanSupplier stopping,
            CompletableFuture<ChildProcessException> gaveUp) {
        this.name = name;
        this.starter = starter;
        this.policy = policy;
        this.supervisor = supervisor;
        this.stopping = stopping;
        this.gaveUp = gaveUp;
    }

    /** Starts the child the first time; a failure here is the caller's. */
    void start(Duration readyTimeout) {
        watch(starter.apply(readyTimeout));
    }

    synchronized ChildProcess current() {
        return current;
    }

    /** Why the child is not running now (restarting, or given up on); empty while it runs. */
    synchronized Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * Kills the child with SIGKILL and starts it again at once, without counting a failure; returns
     * once it is ready. For crash tests.
     */
    void killAndRestart() {
        try {
            supervisor.submit(() -> {
                ChildProcess victim;
                synchronized (this) {
                    victim = current;
                    killedOnPurpose = victim;
                }
                LOG.info("Killing the {} (pid {}) with SIGKILL", name, victim.pid());
                victim.kill();
                watch(LifecycleLog.timed("Restarting " + name, () -> starter.apply(policy.readyTimeout())));
            }).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("Restarting the " + name + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the " + name, e);
        }
    }

    private synchronized void watch(ChildProcess process) {
        current = process;
        startedNanos = System.nanoTime();
        warning = null;
        process.onExit().thenRun(() -> exited(process));
    }

    private void exited(ChildProcess process) {
        ChildProcessException failure;
        synchronized (this) {
            if (process != current || process == killedOnPurpose || stopping.getAsBoolean()) {
                return;
            }
            failure = process.exitFailure();
            if (Duration.ofNanos(System.nanoTime() - startedNanos).compareTo(policy.stableAfter()) >= 0) {
                failuresInARow = 0;
            }
        }
        LOG.warn("The {} (pid {}) exited on its own: {}", name, process.pid(), firstLine(failure));
        failed(failure);
    }

    /** Counts a failure, then schedules the next restart or gives up. */
    private void failed(ChildProcessException failure) {
        int restart;
        synchronized (this) {
            failuresInARow++;
            restart = failuresInARow;
            if (restart > policy.maxRestartsInARow()) {
                warning = "The embedded " + name + " is down: it failed " + restart + " times in a row (each within "
                        + policy.stableAfter().toSeconds() + " s of its start) and is not restarted any more; last: "
                        + firstLine(failure) + ". Its log: " + current.logFile()
                        + ". Fix the cause, then restart c2c-sync with the same flags.";
            } else {
                warning = "The embedded " + name + " failed at " + Instant.now() + " (" + firstLine(failure)
                        + "); restarting it (restart " + restart + " of at most " + policy.maxRestartsInARow()
                        + " in a row)";
            }
        }
        if (restart > policy.maxRestartsInARow()) {
            LOG.error("Giving up on the {} after {} failures in a row; restart c2c-sync once the cause is fixed. {}",
                    name, restart, failure.getMessage());
            gaveUp.complete(failure);
            return;
        }
        Duration backoff = policy.backoff(restart);
        LOG.warn("Restarting the {} in {} ms (restart {} of at most {} in a row); its log: {}", name,
                backoff.toMillis(), restart, policy.maxRestartsInARow(), current().logFile());
        try {
            supervisor.schedule(() -> restart(restart), backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info("Not restarting the {}: the runtime is stopping ({})", name, e.toString());
        }
    }

    private void restart(int restart) {
        if (stopping.getAsBoolean()) {
            return;
        }
        long begin = System.nanoTime();
        ChildProcess started;
        try {
            started = starter.apply(policy.readyTimeout());
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                LOG.info("Restart of the {} ended: the runtime is stopping ({})", name, firstLine(e));
                return;
            }
            LOG.warn("Restart {} of the {} failed: {}", restart, name, firstLine(e));
            failed(e instanceof ChildProcessException c ? c
                    : new ChildProcessException("The " + name + " could not be restarted: " + e, current().logFile(), e));
            return;
        }
        watch(started);
        LOG.info("Restarted the {} (pid {}) in {} ms (restart {} in a row)", name, started.pid(),
                (System.nanoTime() - begin) / 1_000_000, restart);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf(System.lineSeparator());
        return end < 0 ? message : message.substring(0, end);
    }
}
