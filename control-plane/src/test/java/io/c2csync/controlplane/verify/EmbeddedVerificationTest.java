package io.c2csync.controlplane.verify;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.mongo.MongoClusterAdmin;
import io.c2csync.controlplane.persist.FileSyncStateStore;
import io.c2csync.controlplane.signals.AppliedHeartbeats;
import io.c2csync.controlplane.signals.ClusterClients;
import io.c2csync.controlplane.signals.HeartbeatWriter;
import io.c2csync.controlplane.signals.PersistedSync;
import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.FinalCheck;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.VerificationReport;
import io.c2csync.emulator.EmulatedClusters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The embedded verifier over two emulated clusters, without the pipeline: the sync's record is written by the test. */
class EmbeddedVerificationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ORDERS = 50;
    private static final int CHANGE_STREAM_HISTORY_LOST = 286;
    /** The application name of the verifier's connections ({@code ClusterClients}). */
    private static final String VERIFIER_APP = "c2c-sync markers";

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @TempDir
    Path dir;

    private final PairTopics topics = new PairTopics("verify");
    private FileSyncStateStore store;
    private ClusterClients clients;
    private Clusters clusters;
    private EmbeddedVerification verification;

    @BeforeEach
    void seed() {
        store = new FileSyncStateStore(dir.resolve("state.json"));
        clients = ClusterClients.connect(CLUSTERS.get(0).connectionString(), CLUSTERS.get(1).connectionString());
        clusters = new Clusters(MongoClusterAdmin.connect(CLUSTERS.get(0).connectionString()),
                MongoClusterAdmin.connect(CLUSTERS.get(1).connectionString()));
        for (int cluster = 0; cluster < 2; cluster++) {
            CLUSTERS.client(cluster).getDatabase(MarkerNamespace.DATABASE).drop();
            CLUSTERS.client(cluster).getDatabase("shop").drop();
            List<Document> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orders.add(new Document("_id", i).append("total", i));
            }
            orders(cluster).insertMany(orders);
        }
        // one pass beside the sync, then none for the rest of the test
        verification = verification(Duration.ofHours(1));
    }

    private EmbeddedVerification verification(Duration recheckInterval) {
        return new EmbeddedVerification(new PersistedSync(store), clients, clusters, new AppliedHeartbeats(clients, topics),
                new EmbeddedVerification.Settings(Duration.ofHours(1), recheckInterval, 5), Clock.systemUTC());
    }

    /** Recheck passes back to back after the first full pass (none before it). */
    private void rechecking() {
        verification.close();
        verification = verification(Duration.ZERO);
    }

    @AfterEach
    void close() {
        verification.close();
        clients.close();
        ((MongoClusterAdmin) clusters.cluster0()).close();
        ((MongoClusterAdmin) clusters.cluster1()).close();
    }

    @Test
    void aPassBesideTheSyncBeginsOnceTheCopyIsDoneAndCountsBothSides() {
        SyncRecord running = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec(true), List.of());
        store.save(running);
        ConnectorPair pair = running.currentPair();
        verification.start();

        assertThat(verification.report(pair)).hasValueSatisfying(report -> {
            assertThat(report.source()).isEqualTo(new VerificationReport.Side(0, 0, 0, 0, "not started"));
            assertThat(report.destination().phase()).isEqualTo("not started");
        });

        copyDoneAndFirstPassEnded(pair);

        VerificationReport afterFirstPass = verification.report(pair).orElseThrow();
        assertThat(afterFirstPass.source()).isEqualTo(new VerificationReport.Side(ORDERS, ORDERS, 1, 1, "stream hashing"));
        assertThat(afterFirstPass.destination()).isEqualTo(new VerificationReport.Side(ORDERS, ORDERS, 1, 1, "stream hashing"));
    }

    @Test
    void theFinalCheckRunsInTheBackgroundNamesTheDifferingIdAndRunsAgainWhenAskedAgain() {
        ConnectorPair pair = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec(true), List.of()).currentPair();
        orders(1).insertOne(new Document("_id", "planted"));

        assertThat(verification.finalCheck(pair, commitPoint()).status()).isEqualTo(FinalCheck.Status.RUNNING);
        FinalCheck different = awaitResult(pair);

        assertThat(different.status()).isEqualTo(FinalCheck.Status.DIFFERENT);
        assertThat(different.summary()).isEqualTo("1 differences in 1 of 1 namespaces (shop.orders); first: "
                + "EXTRA_DOCUMENT shop.orders _id \"planted\": on the destination only");
        assertThat(different.differences()).containsExactly(
                "EXTRA_DOCUMENT shop.orders _id \"planted\": on the destination only");
        assertThat(verification.report(pair).orElseThrow().destination())
                .isEqualTo(new VerificationReport.Side(ORDERS + 1, ORDERS + 1, 1, 1, "done"));

        orders(1).deleteOne(Filters.eq("_id", "planted"));
        assertThat(verification.finalCheck(pair, commitPoint()).status()).isEqualTo(FinalCheck.Status.RUNNING);
        assertThat(awaitResult(pair).status()).isEqualTo(FinalCheck.Status.EQUAL);
    }

    @Test
    void withoutAPassSinceTheCopyTheFinalCheckComparesEveryDocument() {
        ConnectorPair pair = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec(true), List.of()).currentPair();

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).summary()).isEqualTo("equal: 1 namespaces, " + ORDERS + " documents compared");
    }

    @Test
    void aDocumentPlantedOnTheDestinationAfterTheLastPassIsCaught() {
        ConnectorPair pair = runningWithOnePassDone();
        orders(1).updateOne(Filters.eq("_id", 7), Updates.set("total", -7));

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).differences()).containsExactly(
                "CHANGED_VALUE shop.orders _id 7: field total: source int32 7, destination int32 -7");
    }

    @Test
    void documentsNotTouchedOnEitherSideSinceThePassAreNotComparedAgain() {
        ConnectorPair pair = runningWithOnePassDone();
        orders(0).updateOne(Filters.eq("_id", 7), Updates.set("total", 70));
        orders(1).updateOne(Filters.eq("_id", 7), Updates.set("total", 70));

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).summary()).isEqualTo("equal: 1 namespaces, 1 documents compared");
    }

    @Test
    void aDifferenceThePassSawIsCheckedAgainAtTheCommitThoughNothingTouchedItSince() {
        orders(1).updateOne(Filters.eq("_id", 3), Updates.set("total", -3));
        ConnectorPair pair = runningWithOnePassDone();

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).differences()).containsExactly(
                "CHANGED_VALUE shop.orders _id 3: field total: source int32 3, destination int32 -3");
    }

    @Test
    void aNamespaceReplacedByARenameAfterTheLastPassIsComparedInFull() {
        ConnectorPair pair = runningWithOnePassDone();
        MongoCollection<Document> staged = CLUSTERS.client(1).getDatabase("shop").getCollection("staged");
        List<Document> replaced = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            replaced.add(new Document("_id", i).append("total", i == 11 ? -11 : i));
        }
        staged.insertMany(replaced);
        orders(1).drop();
        staged.renameCollection(new MongoNamespace("shop", "orders"));

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).differences()).containsExactly(
                "CHANGED_VALUE shop.orders _id 11: field total: source int32 11, destination int32 -11");
    }

    @Test
    void changesOnEitherSideAfterThePassAreFoundByTheFinalCheckThroughTheFollowers() {
        ConnectorPair pair = runningWithOnePassDone();
        orders(0).updateOne(Filters.eq("_id", 9), Updates.set("total", 90));
        orders(1).updateOne(Filters.eq("_id", 7), Updates.set("total", -7));
        await("the followers read both changes", WAIT).until(() -> verification.eventsFollowed().orElse(0L) >= 2);

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).differences()).containsExactly(
                "CHANGED_VALUE shop.orders _id 7: field total: source int32 7, destination int32 -7",
                "CHANGED_VALUE shop.orders _id 9: field total: source int32 90, destination int32 9");
        assertThat(verification.lastHistoryReading()).hasValueSatisfying(reading ->
                assertThat(reading.followed()).isTrue());
    }

    @Test
    void theFinalCheckReadsOnlyTheHistoryTheFollowersHaveNotReadYet() {
        ConnectorPair pair = runningWithOnePassDone();
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            for (int cluster = 0; cluster < 2; cluster++) {
                orders(cluster).updateMany(Filters.empty(), Updates.inc("total", 1));
            }
        }
        long written = 2L * rounds * ORDERS;
        await("the followers read every event", WAIT).until(() -> verification.eventsFollowed().orElse(0L) >= written);

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).summary()).isEqualTo("equal: 1 namespaces, " + ORDERS + " documents compared");
        assertThat(verification.lastHistoryReading()).hasValueSatisfying(reading -> {
            assertThat(reading.followed()).isTrue();
            assertThat(reading.eventsRead()).isLessThan(written);
        });
    }

    @Test
    void recheckPassesLeaveTheFinalCheckOnlyWhatChangedSinceTheLastOne() {
        rechecking();
        ConnectorPair pair = runningWithOnePassDone();
        for (int cluster = 0; cluster < 2; cluster++) {
            orders(cluster).updateMany(Filters.empty(), Updates.inc("total", 1));
        }

        awaitRecheckBegunAfterNow();
        assertThat(verification.rechecksDone()).isPositive();
        assertThat(verification.report(pair).orElseThrow().source()).as("the last full pass, as /progress shows it")
                .isEqualTo(new VerificationReport.Side(ORDERS, ORDERS, 1, 1, "stream hashing"));
        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).summary()).isEqualTo("equal: 1 namespaces, 0 documents compared");
    }

    @Test
    void aDifferenceOnTheDestinationIsCarriedThroughRecheckPassesToTheFinalCheck() {
        rechecking();
        ConnectorPair pair = runningWithOnePassDone();
        orders(1).updateOne(Filters.eq("_id", 7), Updates.set("total", -7));

        awaitRecheckBegunAfterNow();
        long rechecks = verification.rechecksDone();
        await("one more recheck pass", WAIT).until(() -> verification.rechecksDone() > rechecks);
        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).differences()).containsExactly(
                "CHANGED_VALUE shop.orders _id 7: field total: source int32 7, destination int32 -7");
    }

    /** Ticks both clocks (outside the synced namespaces) until a completed recheck pass began after both clocks' time now. */
    private void awaitRecheckBegunAfterNow() {
        ClusterTime now = clusters.cluster0().clusterTime().isAfter(clusters.cluster1().clusterTime())
                ? clusters.cluster0().clusterTime() : clusters.cluster1().clusterTime();
        await("a recheck pass begun after " + now, WAIT).until(() -> {
            for (int cluster = 0; cluster < 2; cluster++) {
                CLUSTERS.client(cluster).getDatabase(MarkerNamespace.DATABASE).getCollection("ticks").insertOne(new Document());
            }
            return verification.lastCompletedPass().filter(pass -> pass.sourceStart().isAfter(now)
                    && pass.destinationStart().isAfter(now)).isPresent();
        });
    }

    @Test
    void aFollowerThatLostItsHistoryMakesTheFinalCheckReadItAgainAndStillDecide() {
        ConnectorPair pair = runningWithOnePassDone();
        orders(1).updateOne(Filters.eq("_id", 7), Updates.set("total", -7));
        failNextChangeStreamPoll(1, CHANGE_STREAM_HISTORY_LOST);
        await("the destination's follower failed", WAIT).until(verification::followerFailed);

        verification.finalCheck(pair, commitPoint());

        assertThat(awaitResult(pair).differences()).containsExactly(
                "CHANGED_VALUE shop.orders _id 7: field total: source int32 7, destination int32 -7");
        assertThat(verification.lastHistoryReading()).hasValueSatisfying(reading ->
                assertThat(reading.followed()).isFalse());
    }

    @Test
    void followersStopWhenTheSyncLeavesRunning() {
        runningWithOnePassDone();
        assertThat(followerThreads()).hasSize(2);

        store.save(store.load().orElseThrow().withState(SyncState.PAUSED));

        await("the followers stopped for the paused sync", WAIT).until(() -> followerThreads().isEmpty());
    }

    @Test
    void noFollowerIsLeftAfterClose() {
        runningWithOnePassDone();
        assertThat(followerThreads()).extracting(Thread::getName)
                .containsExactlyInAnyOrder("verifier-source-follower-1", "verifier-destination-follower-1");

        verification.close();

        assertThat(followerThreads()).isEmpty();
    }

    private static List<Thread> followerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("verifier-")
                        && thread.getName().contains("-follower-"))
                .toList();
    }

    /** The emulator's {@code failCommand} fail point: the verifier's next change stream poll on the cluster fails with {@code code}. */
    private static void failNextChangeStreamPoll(int cluster, int code) {
        CLUSTERS.client(cluster).getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
                .append("mode", new Document("times", 1))
                .append("data", new Document("failCommands", List.of("getMore")).append("appName", VERIFIER_APP)
                        .append("errorCode", code)));
    }

    /**
     * A pass's change history begins a second before it (for writes in flight), so the pass starts only once the
     * clusters' clocks are past the seed by more than that: then only the test's own writes are in the history. A
     * cluster's clock moves with its writes, so writes outside the synced namespaces move it.
     */
    private ConnectorPair runningWithOnePassDone() {
        long seeded = Math.max(clusters.cluster0().clusterTime().seconds(), clusters.cluster1().clusterTime().seconds());
        await("the clusters' clocks are 2 s past the seed", WAIT).until(() -> {
            for (int cluster = 0; cluster < 2; cluster++) {
                CLUSTERS.client(cluster).getDatabase(MarkerNamespace.DATABASE).getCollection("ticks").insertOne(new Document());
            }
            return Math.min(clusters.cluster0().clusterTime().seconds(), clusters.cluster1().clusterTime().seconds()) > seeded + 1;
        });
        SyncRecord running = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec(true), List.of());
        store.save(running);
        verification.start();
        copyDoneAndFirstPassEnded(running.currentPair());
        return running.currentPair();
    }

    private void copyDoneAndFirstPassEnded(ConnectorPair pair) {
        new HeartbeatWriter(new PersistedSync(store), clients, topics, Clock.systemUTC()).beat();
        markers(1).insertOne(markers(0).find().first());
        await("the first pass beside the sync ended", WAIT).until(() -> verification.report(pair).orElseThrow()
                .source().phase().equals("stream hashing"));
    }

    private ClusterTime commitPoint() {
        return clusters.cluster0().clusterTime();
    }

    @Test
    void reportsNothingWhenVerificationWasTurnedOff() {
        SyncRecord running = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec(false), List.of());

        assertThat(verification.report(running.currentPair())).isEmpty();
    }

    private FinalCheck awaitResult(ConnectorPair pair) {
        List<FinalCheck> ended = new ArrayList<>();
        await("the final check ended", WAIT).until(() -> {
            FinalCheck check = verification.finalCheck(pair, commitPoint());
            if (check.status() == FinalCheck.Status.RUNNING) {
                return false;
            }
            ended.add(check);
            return true;
        });
        return ended.get(0);
    }

    private static SyncSpec spec(boolean verificationEnabled) {
        SyncSpec defaults = SyncSpec.defaults(new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1));
        return new SyncSpec(defaults.direction(), defaults.reversible(), defaults.writeBlocking(),
                defaults.includeNamespaces(), defaults.excludeNamespaces(), defaults.buildIndexes(), verificationEnabled);
    }

    private static MongoCollection<Document> orders(int cluster) {
        return CLUSTERS.client(cluster).getDatabase("shop").getCollection("orders");
    }

    private static MongoCollection<Document> markers(int cluster) {
        return CLUSTERS.client(cluster).getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.MARKERS);
    }
}
