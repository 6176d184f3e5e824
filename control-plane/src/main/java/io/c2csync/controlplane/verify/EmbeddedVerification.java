package io.c2csync.controlplane.verify;

import com.mongodb.MongoException;
import io.c2csync.controlplane.connect.Selections;
import io.c2csync.controlplane.mongo.MongoErrors;
import io.c2csync.controlplane.signals.AppliedHeartbeats;
import io.c2csync.controlplane.signals.ClusterClients;
import io.c2csync.controlplane.signals.PersistedSync;
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
import java.util.Optional;
import java.util.concurrent.ExecutionException;
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
 * an event still in flight differs until it is applied. The commit's final check ({@link #finalCheck}) runs the same
 * comparison once the destination has applied everything and the source is write-blocked, and that one decides.
 */
public final class EmbeddedVerification implements Verification, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedVerification.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** Differences named in the one-line summary; all of the first {@code maxDifferences} are in the details. */
    private static final int SHOWN_IN_SUMMARY = 5;

    private final PersistedSync sync;
    private final ClusterClients clients;
    private final AppliedHeartbeats heartbeats;
    private final Settings settings;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "verifier");
        t.setDaemon(true);
        return t;
    });
    /** The comparison running now or finished last; guarded by {@code this}. */
    private Pass latest;
    private int passesDone;
    private Instant nextPassDue = Instant.MIN;
    private Future<VerificationResult> finalCheck;

    /**
     * @param passInterval the pause between the end of one pass beside the sync and the start of the next
     * @param maxDifferences how many differences a failed final check lists
     */
    public record Settings(Duration passInterval, int maxDifferences) {
        public Settings {
            if (passInterval.isNegative()) {
                throw new IllegalArgumentException("the pause between verification passes must not be negative, got "
                        + passInterval);
            }
            if (maxDifferences < 1) {
                throw new IllegalArgumentException("a failed final check must list at least 1 difference, got "
                        + maxDifferences);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(1), 20);
        }
    }

    /** One comparison, shown in {@code /progress} while it runs and after it ended. */
    private record Pass(ConnectorPair pair, VerificationProgress progress, boolean finalCheck) {
    }

    public EmbeddedVerification(PersistedSync sync, ClusterClients clients, AppliedHeartbeats heartbeats,
            Settings settings, Clock clock) {
        this.sync = sync;
        this.clients = clients;
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
    public synchronized FinalCheck finalCheck(ConnectorPair pair) {
        if (finalCheck == null) {
            if (latest != null) {
                latest.progress().cancel();
            }
            latest = new Pass(pair, new VerificationProgress(), true);
            VerificationProgress progress = latest.progress();
            finalCheck = thread.submit(() -> verifier(pair, progress).verify());
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
            log.warn("A verification pass beside the sync failed; trying again in {}", settings.passInterval(), e);
        }
    }

    /** One pass beside the sync when the sync runs, its copy is done and the pause after the last pass is over. */
    private void passIfDue() {
        Optional<SyncRecord> running = sync.current().filter(record -> record.spec().verificationEnabled()
                && record.state() == SyncState.RUNNING && record.runningProcedure().isEmpty());
        if (running.isEmpty() || clock.instant().isBefore(nextPassDue)) {
            return;
        }
        ConnectorPair pair = running.get().currentPair();
        if (!heartbeats.copyDone(pair)) {
            return;
        }
        Pass pass = begin(pair);
        try {
            VerificationResult result = verifier(pair, pass.progress()).verify();
            log.info("Verification pass beside the sync of pair {}: {}{}", pair.id().generation(),
                    result.summary(SHOWN_IN_SUMMARY),
                    result.equal() ? "" : " (events in flight differ until applied, unique indexes are non-unique on the "
                            + "destination until the commit; the commit's final check decides)");
        } finally {
            ended(pass);
        }
    }

    private synchronized Pass begin(ConnectorPair pair) {
        if (latest == null || !latest.pair().id().equals(pair.id())) {
            passesDone = 0;
        }
        latest = new Pass(pair, new VerificationProgress(), false);
        return latest;
    }

    private synchronized void ended(Pass pass) {
        if (latest == pass) {
            passesDone++;
        }
        nextPassDue = clock.instant().plus(settings.passInterval());
    }

    private Verifier verifier(ConnectorPair pair, VerificationProgress progress) {
        return new Verifier(clients.client(pair.direction().source()), clients.client(pair.direction().destination()),
                NamespaceFilter.of(Selections.of(pair.spec())), settings.maxDifferences(), progress);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (latest != null) {
                latest.progress().cancel();
            }
        }
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The verifier thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the verifier thread", e);
        }
    }
}
