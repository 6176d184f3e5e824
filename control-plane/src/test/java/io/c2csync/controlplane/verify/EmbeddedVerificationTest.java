package io.c2csync.controlplane.verify;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.persist.FileSyncStateStore;
import io.c2csync.controlplane.signals.AppliedHeartbeats;
import io.c2csync.controlplane.signals.ClusterClients;
import io.c2csync.controlplane.signals.HeartbeatWriter;
import io.c2csync.controlplane.signals.PersistedSync;
import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ConnectorPair;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.FinalCheck;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
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

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @TempDir
    Path dir;

    private final PairTopics topics = new PairTopics("verify");
    private FileSyncStateStore store;
    private ClusterClients clients;
    private EmbeddedVerification verification;

    @BeforeEach
    void seed() {
        store = new FileSyncStateStore(dir.resolve("state.json"));
        clients = ClusterClients.connect(CLUSTERS.get(0).connectionString(), CLUSTERS.get(1).connectionString());
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
        verification = new EmbeddedVerification(new PersistedSync(store), clients, new AppliedHeartbeats(clients, topics),
                new EmbeddedVerification.Settings(Duration.ofHours(1), 5), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        verification.close();
        clients.close();
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

        new HeartbeatWriter(new PersistedSync(store), clients, topics, Clock.systemUTC()).beat();
        markers(1).insertOne(markers(0).find().first());
        await("the first pass beside the sync ended", WAIT).until(() -> verification.report(pair).orElseThrow()
                .source().phase().equals("stream hashing"));

        VerificationReport afterFirstPass = verification.report(pair).orElseThrow();
        assertThat(afterFirstPass.source()).isEqualTo(new VerificationReport.Side(ORDERS, ORDERS, 1, 1, "stream hashing"));
        assertThat(afterFirstPass.destination()).isEqualTo(new VerificationReport.Side(ORDERS, ORDERS, 1, 1, "stream hashing"));
    }

    @Test
    void theFinalCheckRunsInTheBackgroundNamesTheDifferingIdAndRunsAgainWhenAskedAgain() {
        ConnectorPair pair = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec(true), List.of()).currentPair();
        orders(1).insertOne(new Document("_id", "planted"));

        assertThat(verification.finalCheck(pair).status()).isEqualTo(FinalCheck.Status.RUNNING);
        FinalCheck different = awaitResult(pair);

        assertThat(different.status()).isEqualTo(FinalCheck.Status.DIFFERENT);
        assertThat(different.summary()).isEqualTo("1 differences in 1 of 1 namespaces (shop.orders); first: "
                + "EXTRA_DOCUMENT shop.orders _id \"planted\": on the destination only");
        assertThat(different.differences()).containsExactly(
                "EXTRA_DOCUMENT shop.orders _id \"planted\": on the destination only");
        assertThat(verification.report(pair).orElseThrow().destination())
                .isEqualTo(new VerificationReport.Side(ORDERS + 1, ORDERS + 1, 1, 1, "done"));

        orders(1).deleteOne(Filters.eq("_id", "planted"));
        assertThat(verification.finalCheck(pair).status()).isEqualTo(FinalCheck.Status.RUNNING);
        assertThat(awaitResult(pair).status()).isEqualTo(FinalCheck.Status.EQUAL);
    }

    @Test
    void reportsNothingWhenVerificationWasTurnedOff() {
        SyncRecord running = SyncRecord.started(new ClusterAddresses("a:1", "b:1"), spec(false), List.of());

        assertThat(verification.report(running.currentPair())).isEmpty();
    }

    private FinalCheck awaitResult(ConnectorPair pair) {
        List<FinalCheck> ended = new ArrayList<>();
        await("the final check ended", WAIT).until(() -> {
            FinalCheck check = verification.finalCheck(pair);
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
