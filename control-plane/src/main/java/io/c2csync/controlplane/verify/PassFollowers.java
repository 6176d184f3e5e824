package io.c2csync.controlplane.verify;

import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.PairId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Both clusters' change streams followed from a completed pass's start times, so that the final check after it has
 * only the last moments of history left to read.
 */
final class PassFollowers {
    private final CompletedPass pass;
    private final HistoryFollower source;
    private final HistoryFollower destination;

    private PassFollowers(CompletedPass pass, HistoryFollower source, HistoryFollower destination) {
        this.pass = pass;
        this.source = source;
        this.destination = destination;
    }

    static PassFollowers start(CompletedPass pass, ChangeHistory source, ChangeHistory destination) {
        String generation = "-" + pass.pair().generation();
        return new PassFollowers(pass,
                HistoryFollower.start(source, "verifier-source-follower" + generation, pass.sourceStart()),
                HistoryFollower.start(destination, "verifier-destination-follower" + generation, pass.destinationStart()));
    }

    boolean follows(CompletedPass completed) {
        return pass == completed;
    }

    boolean ofPair(PairId pair) {
        return pass.pair().equals(pair);
    }

    /**
     * Asks both to end, and waits until they have read up to there.
     *
     * @return every key and namespace either side noted since the pass began
     * @throws ExecutionException when a follower failed or was stopped, with its error as the cause
     */
    RecheckScope finish(ClusterTime sourceEnd, ClusterTime destinationEnd) throws ExecutionException, InterruptedException {
        CompletableFuture<RecheckScope> sourceRead = source.finish(sourceEnd);
        CompletableFuture<RecheckScope> destinationRead = destination.finish(destinationEnd);
        RecheckScope changed = new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE);
        changed.addAll(sourceRead.get());
        changed.addAll(destinationRead.get());
        return changed;
    }

    boolean failed() {
        return source.failed() || destination.failed();
    }

    long eventsRead() {
        return source.eventsRead() + destination.eventsRead();
    }

    /** Stops both and waits for their threads to end. */
    void stop() {
        source.stop();
        destination.stop();
        source.awaitStopped();
        destination.awaitStopped();
    }
}
