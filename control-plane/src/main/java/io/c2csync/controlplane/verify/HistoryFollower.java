package io.c2csync.controlplane.verify;

import io.c2csync.controlplane.sync.ClusterTime;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one cluster's change stream on its own daemon thread from a start time, noting what changed, until it is
 * given the time to end at ({@link #finish}): then it reads only what remains up to there and hands its scope over.
 * The scope is written by the follower's thread alone and read by others only once that thread finished with it.
 */
final class HistoryFollower {
    private static final Logger log = LoggerFactory.getLogger(HistoryFollower.class);
    /**
     * Follows for a long time, so polls less often than a one-off reading: events gather for half a second between
     * getMores; once given its end, it reads on at once (after at most one getMore under way).
     */
    private static final ChangeHistory.Pace FOLLOWING = new ChangeHistory.Pace(Duration.ofMillis(100), Duration.ofMillis(500));
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final ChangeHistory history;
    private final String name;
    private final RecheckScope scope = new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE);
    /** Cancelled to stop the follower; its counters are not used. */
    private final VerificationProgress stop = new VerificationProgress();
    private final CompletableFuture<RecheckScope> read = new CompletableFuture<>();
    private final Thread thread;
    private volatile ClusterTime end;

    private HistoryFollower(ChangeHistory history, String name, ClusterTime start) {
        this.history = history;
        this.name = name;
        this.thread = new Thread(() -> follow(start), name);
        thread.setDaemon(true);
    }

    /** A follower of {@code history} from {@code start}, running on a thread named {@code name}. */
    static HistoryFollower start(ChangeHistory history, String name, ClusterTime start) {
        HistoryFollower follower = new HistoryFollower(history, name, start);
        follower.thread.start();
        return follower;
    }

    private void follow(ClusterTime start) {
        try {
            history.read(start, () -> Optional.ofNullable(end), FOLLOWING, scope, stop);
            read.complete(scope);
        } catch (VerificationCancelledException e) {
            read.completeExceptionally(e);
        } catch (RuntimeException e) {
            log.warn("The change stream follower {} failed after {} events, having read up to {}; the final check "
                    + "will read that history again", name, history.eventsRead(),
                    history.reached().map(ClusterTime::toString).orElse("nothing yet"), e);
            read.completeExceptionally(e);
        } catch (Error e) {
            read.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Asks it to end at {@code end}.
     *
     * @return its scope once it has read everything up to {@code end}; failed as the reading failed
     */
    CompletableFuture<RecheckScope> finish(ClusterTime end) {
        this.end = end;
        return read;
    }

    /** Whether its reading ended in an error (or was stopped). */
    boolean failed() {
        return read.isCompletedExceptionally();
    }

    long eventsRead() {
        return history.eventsRead();
    }

    /** Asks it to stop; {@link #awaitStopped} waits for that. */
    void stop() {
        stop.cancel();
    }

    void awaitStopped() {
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the change stream follower {}", name, e);
            return;
        }
        if (thread.isAlive()) {
            log.warn("The change stream follower {} did not stop within {}", name, STOP_WAIT);
        }
    }
}
