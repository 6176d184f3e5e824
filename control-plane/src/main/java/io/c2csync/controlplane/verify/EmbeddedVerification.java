package io.c2csync.controlplane.verify;

import com.mongodb.MongoException;
import io.c2csync.controlplane.connect.Selections;
import io.c2csync.controlplane.mongo.MongoErrors;
import io.c2csync.controlplane.signals.AppliedHeartbeats;
import io.c2csync.controlplane.signals.ClusterClients;
import io.c2csync.controlplane.signals.PersistedSync;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.FinalCheck;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.Verification;
import io.c2csync.controlplane.sync.VerificationReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier beside the sync, on its own thread. While the sync runs, once the pair's copy is done, it compares
 * the clusters in full ("initial hashing"), then again every {@code passInterval} ("stream hashing": what the change
 * events did since). Those passes see a moving source, so their differences are logged, not reported as failures:
 * an event still in flight differs until it is applied. Each pass notes the cluster time of both sides before its
 * first read and the keys (or namespaces) it saw differing.
 *
 * <p>Between full passes, every {@code recheckInterval}, a recheck pass compares only what the last completed pass
 * (full or recheck) saw differing and what changed on either side since it began, as the final check below does,
 * except that counts in flight do not decide. It completes a pass as a full one does: for the same reason the final
 * check holds, every key it did not compare still has the version the pass before it saw equal. So the final check is
 * left with the keys changed in the last seconds, however long ago the last full pass was.
 *
 * <p>The commit's final check ({@link #finalCheck}) runs once the destination has applied everything and the source
 * is write-blocked, and that one decides. It is incremental: it compares the catalog and the exact document count of
 * every namespace, and the documents of: the keys the last completed pass saw differing; every key changed on the
 * source since that pass began (the source's change stream from the pass's start up to the commit point, or to now
 * if the source still takes writes, which then differ); every key
 * changed on the destination since then (its change stream up to now: the sink's writes and anything written there
 * otherwise); in full, every namespace a DDL event touched (create, drop, rename, dropDatabase, indexes, collMod),
 * present on one side only, or whose counts differ.
 *
 * <p>Why that suffices: take a document key in a namespace none of those select. The pass read it on the source after
 * the source time {@code S} and on the destination after the destination time {@code D} it noted, and saw both
 * versions equal (or both absent), or the key would be in its differences. No event changed it on the source after
 * {@code S} up to the commit point, and none on the destination after {@code D} up to now, or the streams would name
 * it; and no DDL event replaced its namespace. So each side still holds the version the pass read, and they are
 * still equal. The source is write-blocked after the commit point, so it cannot change there afterwards. The pass
 * times are taken one second early, so that a write in flight when the time was read (an oplog hole) is in the streams.
 *
 * <p>So that the final check has only the last moments of history left to read, both streams are followed from the
 * last completed pass's start times while the sync runs ({@link PassFollowers}, restarted at each completed pass); at
 * the final check they are given the end times above and read what remains, noting exactly what a reading from the
 * pass's start would. When a follower failed, the final check reads both streams again from the pass's start.
 *
 * <p>It falls back to the full comparison, and logs why, when no pass of the pair has completed since the copy, or
 * when a change stream cannot be read back to the pass's start (the oplog no longer reaches it, error 286; or the user
 * may not read it).
 */
public final class EmbeddedVerification implements Verification, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedVerification.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** Differences named in the one-line summary; all of the first {@code maxDifferences} are in the details. */
    private static final int SHOWN_IN_SUMMARY = 5;

    private final PersistedSync sync;
    private final ClusterClients clients;
    private final Clusters clusters;
    private final AppliedHeartbeats heartbeats;
    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "verifier");
        t.setDaemon(true);
        return t;
    });
    /** Reads the destination's change stream while the verifier thread reads the source's, in the final check. */
    private final ExecutorService historyReader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "verifier-destination-history");
        t.setDaemon(true);
        return t;
    });
    /** The comparison running now or finished last; guarded by {@code this}. */
    private Pass latest;
    private int passesDone;
    /** The last pass beside the sync that ran to its end; null when none has since the copy of the current pair. */
    private CompletedPass completed;
    /** Both change streams followed from {@code completed}'s start while the sync runs; null when not followed. */
    private PassFollowers followers;
    /** What the last final check read of the change streams; null before the first incremental one. */
    private HistoryReading lastReading;
    private Instant nextPassDue = Instant.MIN;
    private Instant nextRecheckDue = Instant.MIN;
    private long rechecksDone;
    private Future<VerificationResult> finalCheck;

    /**
     * @param passInterval the pause between the end of one full pass beside the sync and the start of the next
     * @param recheckInterval the pause between the end of one pass beside the sync and the start of a recheck pass
     * @param maxDifferences how many differences a failed final check lists
     */
    public record Settings(Duration passInterval, Duration recheckInterval, int maxDifferences) {
        public Settings {
            if (passInterval.isNegative()) {
                throw new IllegalArgumentException("the pause between verification passes must not be negative, got "
                        + passInterval);
            }
            if (recheckInterval.isNegative()) {
                throw new IllegalArgumentException("the pause between verification rechecks must not be negative, got "
                        + recheckInterval);
            }
            if (maxDifferences < 1) {
                throw new IllegalArgumentException("a failed final check must list at least 1 difference, got "
                        + maxDifferences);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(10), Duration.ofSeconds(1), 20);
        }
    }

    /** One comparison, shown in {@code /progress} while it runs and after it ended. */
    private record Pass(ConnectorPair pair, VerificationProgress progress, boolean finalCheck) {
    }

    /**
     * What a final check read of the change streams since the pass.
     *
     * @param followed whether the pass's followers gave it (else both streams were read again from the pass's start)
     * @param eventsRead the events read by the final check itself (not those the followers had read before it)
     */
    record HistoryReading(boolean followed, long eventsRead) {
    }

    /** @param clusters for the cluster times at which passes begin and the final check ends its reading */
    public EmbeddedVerification(PersistedSync sync, ClusterClients clients, Clusters clusters, AppliedHeartbeats heartbeats,
            Settings settings, Clock clock) {
        this.sync = sync;
        this.clients = clients;
        this.clusters = clusters;
        this.heartbeats = heartbeats;
        this.settings = settings;
        this.clock = clock;
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::passIfDueReporting, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized Optional<VerificationReport> report(ConnectorPair pair) {
        if (!pair.spec().verificationEnabled()) {
            return Optional.empty();
        }
        if (latest == null || !latest.pair().id().equals(pair.id())) {
            return Optional.of(report(new VerificationProgress(), VerificationPhase.NOT_STARTED));
        }
        return Optional.of(report(latest.progress(), shownPhase()));
    }

    /** Between passes the verifier follows the stream; a final check that ended is done, whatever it found. */
    private VerificationPhase shownPhase() {
        VerificationPhase phase = latest.progress().phase();
        if (latest.finalCheck()) {
            return phase == VerificationPhase.INITIAL_HASHING ? VerificationPhase.STREAM_HASHING : phase;
        }
        return passesDone == 0 ? VerificationPhase.INITIAL_HASHING : VerificationPhase.STREAM_HASHING;
    }

    private static VerificationReport report(VerificationProgress progress, VerificationPhase phase) {
        return new VerificationReport(side(progress.source(), phase), side(progress.destination(), phase));
    }

    private static VerificationReport.Side side(SideProgress counts, VerificationPhase phase) {
        return new VerificationReport.Side(counts.estimatedDocumentCount(), counts.hashedDocumentCount(),
                counts.totalCollectionCount(), counts.scannedCollectionCount(), phase.label());
    }

    @Override
    public synchronized FinalCheck finalCheck(ConnectorPair pair, ClusterTime commitPoint) {
        if (finalCheck == null) {
            if (latest != null) {
                latest.progress().cancel();
            }
            latest = new Pass(pair, new VerificationProgress(), true);
            VerificationProgress progress = latest.progress();
            finalCheck = thread.submit(() -> finalComparison(pair, commitPoint, progress));
            log.info("Final verification of pair {} begun", pair.id().generation());
            return FinalCheck.running();
        }
        if (!finalCheck.isDone()) {
            return FinalCheck.running();
        }
        Future<VerificationResult> ended = finalCheck;
        finalCheck = null;
        VerificationResult result = resultOf(ended, pair);
        log.info("Final verification of pair {}: {}", pair.id().generation(), result.summary(SHOWN_IN_SUMMARY));
        return result.equal()
                ? new FinalCheck(FinalCheck.Status.EQUAL, result.summary(SHOWN_IN_SUMMARY), List.of())
                : new FinalCheck(FinalCheck.Status.DIFFERENT, result.summary(SHOWN_IN_SUMMARY),
                        result.firstDifferences().stream().map(Difference::describe).toList());
    }

    /** The incremental comparison since the last completed pass, or the full one when there is none or its history is lost. */
    private VerificationResult finalComparison(ConnectorPair pair, ClusterTime commitPoint, VerificationProgress progress)
            throws InterruptedException {
        Verifier verifier = verifier(pair, progress);
        long generation = pair.id().generation();
        LastPass last = lastPass(pair);
        CompletedPass since = last.pass();
        PassFollowers followed = last.followers();
        if (since == null) {
            log.info("Final verification of pair {}: no verification pass has completed since the copy; comparing both "
                    + "clusters in full", generation);
            return verifier.verify();
        }
        ClusterTime sourceNow = clusters.get(pair.direction().source()).clusterTime();
        ClusterTime sourceEnd = sourceNow.isAfter(commitPoint) ? sourceNow : commitPoint;
        ClusterTime destinationNow = clusters.get(pair.direction().destination()).clusterTime();
        RecheckScope scope = new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE);
        scope.addAll(since.differing());
        long readingSince = System.nanoTime();
        HistoryReading reading;
        try {
            Optional<HistoryReading> fromFollowers = followed == null ? Optional.empty()
                    : fromFollowers(generation, followed, sourceEnd, destinationNow, scope);
            reading = fromFollowers.isPresent() ? fromFollowers.get()
                    : readAgain(pair, since, sourceEnd, destinationNow, scope, progress);
        } catch (ChangeHistoryUnavailableException e) {
            log.warn("Final verification of pair {}: {}; comparing both clusters in full instead", generation, e.getMessage());
            return verifier.verify();
        } finally {
            stopFollowers(followed);
        }
        synchronized (this) {
            lastReading = reading;
        }
        log.info("Final verification of pair {}: rechecking {} (what the pass begun at source {} / destination {} saw "
                + "differing and what changed since, up to source {} / destination {}; change streams read in {} ms, "
                + "{} events, {}), the catalogs and the counts", generation, scope.describe(), since.sourceStart(),
                since.destinationStart(), sourceEnd, destinationNow,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readingSince), reading.eventsRead(),
                reading.followed() ? "the rest followed since the pass" : "read again from the pass's start");
        return verifier.recheck(scope, new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE));
    }

    /** What the followers noted, added to {@code scope}; empty (logged) when one of them failed. */
    private static Optional<HistoryReading> fromFollowers(long generation, PassFollowers followed, ClusterTime sourceEnd,
            ClusterTime destinationEnd, RecheckScope scope) throws InterruptedException {
        long eventsBefore = followed.eventsRead();
        try {
            scope.addAll(followed.finish(sourceEnd, destinationEnd));
            return Optional.of(new HistoryReading(true, followed.eventsRead() - eventsBefore));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VerificationCancelledException cancelled) {
                throw cancelled;
            }
            log.warn("Final verification of pair {}: a change stream follower failed; reading both change streams again "
                    + "from the pass's start", generation, e.getCause());
            return Optional.empty();
        }
    }

    /** Both streams read from the pass's start, the two sides in parallel, into {@code scope}. */
    private HistoryReading readAgain(ConnectorPair pair, CompletedPass since, ClusterTime sourceEnd,
            ClusterTime destinationEnd, RecheckScope scope, VerificationProgress progress) {
        ChangeHistory source = history(pair, ClusterRole.SOURCE);
        ChangeHistory destination = history(pair, ClusterRole.DESTINATION);
        RecheckScope changedOnDestination = new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE);
        CompletableFuture<Void> destinationRead = CompletableFuture.runAsync(() -> destination
                .note(since.destinationStart(), destinationEnd, changedOnDestination, progress), historyReader);
        source.note(since.sourceStart(), sourceEnd, scope, progress);
        scope.addAll(joined(destinationRead, changedOnDestination));
        return new HistoryReading(false, source.eventsRead() + destination.eventsRead());
    }

    /** {@code scope} once {@code read} filled it; its failure as it was thrown. */
    private static RecheckScope joined(CompletableFuture<Void> read, RecheckScope scope) {
        try {
            read.join();
            return scope;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private enum ClusterRole { SOURCE, DESTINATION }

    private ChangeHistory history(ConnectorPair pair, ClusterRole role) {
        ClusterName name = role == ClusterRole.SOURCE ? pair.direction().source() : pair.direction().destination();
        return new ChangeHistory(clients.client(name), role.name().toLowerCase(Locale.ROOT) + " " + name.apiName(),
                filter(pair));
    }

    private VerificationResult resultOf(Future<VerificationResult> ended, ConnectorPair pair) {
        try {
            return ended.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MongoException mongo) {
                throw MongoErrors.classify(pair.direction().source().apiName() + " or "
                        + pair.direction().destination().apiName(), "the final verification", mongo);
            }
            throw new SyncException(SyncError.INTERNAL_ERROR, "the final verification could not compare the clusters: "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the final verification", e);
        }
    }

    private void passIfDueReporting() {
        try {
            passIfDue();
        } catch (VerificationCancelledException e) {
            log.info("A verification pass was stopped for the commit's final check");
        } catch (RuntimeException e) {
            log.warn("A verification pass beside the sync failed; the commit's final check still decides", e);
        }
    }

    /**
     * When the sync runs and its copy is done: a full pass once the pause after the last one is over, else a recheck
     * pass once the pause after the last pass of either kind is over.
     */
    private void passIfDue() {
        Optional<SyncRecord> current = sync.current();
        stopFollowersUnlessFollowing(current);
        Optional<SyncRecord> running = current.filter(record -> record.spec().verificationEnabled()
                && record.state() == SyncState.RUNNING && record.runningProcedure().isEmpty());
        Instant now = clock.instant();
        if (running.isEmpty() || now.isBefore(nextPassDue) && now.isBefore(nextRecheckDue)) {
            return;
        }
        ConnectorPair pair = running.get().currentPair();
        if (!heartbeats.copyDone(pair)) {
            return;
        }
        if (now.isBefore(nextPassDue)) {
            recheckIfFollowed(pair);
        } else {
            fullPass(pair);
        }
    }

    private void fullPass(ConnectorPair pair) {
        Pass pass = begin(pair);
        try {
            ClusterTime sourceStart = passStart(clusters.get(pair.direction().source()).clusterTime());
            ClusterTime destinationStart = passStart(clusters.get(pair.direction().destination()).clusterTime());
            RecheckScope differing = new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE);
            VerificationResult result = verifier(pair, pass.progress()).verify(differing);
            completed(pair, new CompletedPass(pair.id(), sourceStart, destinationStart, differing));
            log.info("Verification pass beside the sync of pair {}: {}{}", pair.id().generation(),
                    result.summary(SHOWN_IN_SUMMARY),
                    result.equal() ? "" : " (events in flight differ until applied, unique indexes are non-unique on the "
                            + "destination until the commit; the commit's final check decides)");
        } finally {
            ended(pass);
        }
    }

    /**
     * A recheck pass after the last completed pass of {@code pair}, when its followers still follow; when one of them
     * or the recheck failed, the next pass is a full one (its followers are stopped, so nothing else can follow on).
     */
    private void recheckIfFollowed(ConnectorPair pair) {
        LastPass last = lastPass(pair);
        CompletedPass since = last.pass();
        PassFollowers followed = last.followers();
        if (followed == null) {
            return;
        }
        ClusterTime sourceNow = clusters.get(pair.direction().source()).clusterTime();
        ClusterTime destinationNow = clusters.get(pair.direction().destination()).clusterTime();
        ClusterTime sourceStart = passStart(sourceNow);
        ClusterTime destinationStart = passStart(destinationNow);
        RecheckScope scope = new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE);
        scope.addAll(since.differing());
        try {
            scope.addAll(followed.finish(sourceNow, destinationNow));
        } catch (ExecutionException e) {
            log.warn("A change stream follower of pair {} failed; the next verification pass compares in full",
                    pair.id().generation(), e.getCause());
            fullPassNext();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationCancelledException();
        } finally {
            stopFollowers(followed);
        }
        RecheckScope differing = new RecheckScope(Verifier.RECHECKED_KEYS_PER_NAMESPACE);
        VerificationResult result;
        try {
            result = verifier(pair, new VerificationProgress()).recheckWhileSyncing(scope, differing);
        } catch (RuntimeException e) {
            fullPassNext();
            throw e;
        }
        completed(pair, new CompletedPass(pair.id(), sourceStart, destinationStart, differing));
        rechecked();
        log.debug("Verification recheck beside the sync of pair {} ({}): {}", pair.id().generation(), scope.describe(),
                result.summary(SHOWN_IN_SUMMARY));
    }

    private synchronized void fullPassNext() {
        nextPassDue = clock.instant();
    }

    private synchronized void rechecked() {
        rechecksDone++;
        nextRecheckDue = clock.instant().plus(settings.recheckInterval());
    }

    /** A cluster's time {@code now} one second early: a write in flight as it is read has an earlier time but is not yet visible. */
    private static ClusterTime passStart(ClusterTime now) {
        return new ClusterTime(Math.max(0, now.seconds() - 1), 0);
    }

    /** Notes the pass and follows both change streams from its start, in place of the last pass's followers. */
    private void completed(ConnectorPair pair, CompletedPass pass) {
        stopFollowers(followers());
        PassFollowers started = PassFollowers.start(pass, history(pair, ClusterRole.SOURCE),
                history(pair, ClusterRole.DESTINATION));
        synchronized (this) {
            completed = pass;
            followers = started;
        }
    }

    /** The last completed pass of {@code pair} (null if none) and the followers following it (null if none). */
    private record LastPass(CompletedPass pass, PassFollowers followers) {
    }

    private synchronized LastPass lastPass(ConnectorPair pair) {
        CompletedPass since = completed != null && completed.pair().equals(pair.id()) ? completed : null;
        return new LastPass(since, followers != null && followers.follows(since) ? followers : null);
    }

    private synchronized PassFollowers followers() {
        return followers;
    }

    /** Stops {@code stopped} (if any) and forgets it if it is still the current followers. */
    private void stopFollowers(PassFollowers stopped) {
        if (stopped == null) {
            return;
        }
        stopped.stop();
        synchronized (this) {
            if (followers == stopped) {
                followers = null;
            }
        }
    }

    /** Followers are needed while the pair's sync runs and at its commit's final check; stopped otherwise. */
    private void stopFollowersUnlessFollowing(Optional<SyncRecord> current) {
        PassFollowers following = followers();
        boolean needed = current.filter(record -> record.spec().verificationEnabled()
                && (record.state() == SyncState.RUNNING || record.state() == SyncState.COMMITTING)
                && following != null && following.ofPair(record.currentPair().id())).isPresent();
        if (!needed) {
            stopFollowers(following);
        }
    }

    private synchronized Pass begin(ConnectorPair pair) {
        if (latest == null || !latest.pair().id().equals(pair.id())) {
            passesDone = 0;
            completed = null;
        }
        latest = new Pass(pair, new VerificationProgress(), false);
        return latest;
    }

    private synchronized void ended(Pass pass) {
        if (latest == pass) {
            passesDone++;
        }
        nextPassDue = clock.instant().plus(settings.passInterval());
        nextRecheckDue = clock.instant().plus(settings.recheckInterval());
    }

    private Verifier verifier(ConnectorPair pair, VerificationProgress progress) {
        return new Verifier(clients.client(pair.direction().source()), clients.client(pair.direction().destination()),
                filter(pair), settings.maxDifferences(), progress);
    }

    private static NamespaceFilter filter(ConnectorPair pair) {
        return NamespaceFilter.of(Selections.of(pair.spec()));
    }

    /** What the last incremental final check read of the change streams. */
    synchronized Optional<HistoryReading> lastHistoryReading() {
        return Optional.ofNullable(lastReading);
    }

    /** Events the followers of the last completed pass have read so far; empty when none follow. */
    synchronized Optional<Long> eventsFollowed() {
        return Optional.ofNullable(followers).map(PassFollowers::eventsRead);
    }

    /** Recheck passes completed beside the sync. */
    synchronized long rechecksDone() {
        return rechecksDone;
    }

    /** The last completed pass, full or recheck; empty when none completed since the copy. */
    synchronized Optional<CompletedPass> lastCompletedPass() {
        return Optional.ofNullable(completed);
    }

    /** Whether a follower of the last completed pass failed; false when none follow. */
    synchronized boolean followerFailed() {
        return followers != null && followers.failed();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (latest != null) {
                latest.progress().cancel();
            }
        }
        thread.shutdownNow();
        historyReader.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The verifier thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the verifier thread", e);
        }
        stopFollowers(followers());
    }
}
