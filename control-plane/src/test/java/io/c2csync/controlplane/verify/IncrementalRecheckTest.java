package io.c2csync.controlplane.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.c2csync.controlplane.mongo.MongoClusterAdmin;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.emulator.EmulatedClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The incremental recheck over two emulated clusters: what the change streams name since a time, and nothing else. */
class IncrementalRecheckTest {
    private static final int ORDERS = 40;

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @BeforeEach
    void seed() {
        for (int cluster = 0; cluster < 2; cluster++) {
            CLUSTERS.client(cluster).getDatabase("shop").drop();
            List<Document> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orders.add(new Document("_id", i).append("total", i));
            }
            orders(cluster).insertMany(orders);
        }
    }

    @Test
    void onlyTheKeysChangedOnEitherSideSinceTheStartAreCompared() {
        orders(1).updateOne(Filters.eq("_id", 5), Updates.set("total", -5));
        ClusterTime start0 = after(0);
        ClusterTime start1 = after(1);
        orders(0).updateOne(Filters.eq("_id", 8), Updates.set("total", 80));
        orders(1).updateOne(Filters.eq("_id", 8), Updates.set("total", 80));
        orders(1).updateOne(Filters.eq("_id", 9), Updates.set("total", -9));

        RecheckScope scope = changedSince(start0, start1);
        VerificationResult result = verifier().recheck(scope, new RecheckScope(10));

        assertThat(scope.describe()).isEqualTo("2 keys in 1 namespaces, 0 namespaces and 0 databases in full");
        assertThat(result.comparedDocuments()).isEqualTo(2);
        assertThat(result.firstDifferences()).extracting(Difference::describe).containsExactly(
                "CHANGED_VALUE shop.orders _id 9: field total: source int32 9, destination int32 -9");
    }

    @Test
    void aDdlEventSinceTheStartHasItsNamespaceComparedInFull() {
        orders(1).updateOne(Filters.eq("_id", 5), Updates.set("total", -5));
        ClusterTime start0 = after(0);
        ClusterTime start1 = after(1);
        orders(1).createIndex(Indexes.ascending("total"));
        orders(0).createIndex(Indexes.ascending("total"));

        RecheckScope scope = changedSince(start0, start1);
        VerificationResult result = verifier().recheck(scope, new RecheckScope(10));

        assertThat(scope.comparedInFull(new com.mongodb.MongoNamespace("shop.orders"))).isTrue();
        assertThat(result.comparedDocuments()).isEqualTo(ORDERS);
        assertThat(result.firstDifferences()).extracting(Difference::describe).containsExactly(
                "CHANGED_VALUE shop.orders _id 5: field total: source int32 5, destination int32 -5");
    }

    @Test
    void differentCountsHaveTheNamespaceComparedInFull() {
        ClusterTime start0 = after(0);
        ClusterTime start1 = after(1);
        RecheckScope scope = changedSince(start0, start1);
        orders(1).deleteOne(Filters.eq("_id", 12));

        VerificationResult result = verifier().recheck(scope, new RecheckScope(10));

        assertThat(result.firstDifferences()).extracting(Difference::describe).containsExactly(
                "MISSING_DOCUMENT shop.orders _id 12: on the source only");
    }

    @Test
    void whileSyncingDifferentCountsDoNotDecideAndOnlyTheScopedKeysAreCompared() {
        ClusterTime start0 = after(0);
        ClusterTime start1 = after(1);
        orders(0).updateOne(Filters.eq("_id", 8), Updates.set("total", 80));
        RecheckScope scope = changedSince(start0, start1);
        orders(1).deleteOne(Filters.eq("_id", 12));

        VerificationResult result = verifier().recheckWhileSyncing(scope, new RecheckScope(10));

        assertThat(result.comparedDocuments()).isEqualTo(1);
        assertThat(result.firstDifferences()).extracting(Difference::describe).containsExactly(
                "CHANGED_VALUE shop.orders _id 8: field total: source int32 80, destination int32 8");
    }

    @Test
    void anIndexDifferenceIsFoundAgainByEveryCheckButDoesNotSendTheDocumentsToTheFullComparison() {
        orders(1).createIndex(Indexes.ascending("total"));
        RecheckScope seen = new RecheckScope(10);

        VerificationResult pass = verifier().verify(seen);
        VerificationResult recheck = verifier().recheck(seen, new RecheckScope(10));

        assertThat(pass.firstDifferences()).extracting(Difference::kind).containsExactly(DifferenceKind.EXTRA_INDEX);
        assertThat(seen.describe()).isEqualTo("0 keys in 0 namespaces, 0 namespaces and 0 databases in full");
        assertThat(recheck.firstDifferences()).extracting(Difference::kind).containsExactly(DifferenceKind.EXTRA_INDEX);
        assertThat(recheck.comparedDocuments()).isZero();
    }

    @Test
    void aPassNotesTheKeysItSawDifferingForTheNextRecheck() {
        orders(1).updateOne(Filters.eq("_id", 5), Updates.set("total", -5));
        RecheckScope seen = new RecheckScope(10);

        verifier().verify(seen);

        assertThat(seen.describe()).isEqualTo("1 keys in 1 namespaces, 0 namespaces and 0 databases in full");
        assertThat(verifier().recheck(seen, new RecheckScope(10)).firstDifferences()).extracting(Difference::describe)
                .containsExactly("CHANGED_VALUE shop.orders _id 5: field total: source int32 5, destination int32 -5");
    }

    @Test
    void aStreamThatNoLongerReachesBackToTheStartSaysSo() {
        ChangeHistory history = new ChangeHistory(CLUSTERS.client(1), "destination", filter());
        ClusterTime beforeTheCluster = new ClusterTime(1, 0);

        assertThatThrownBy(() -> history.note(beforeTheCluster, now(1), new RecheckScope(10), new VerificationProgress()))
                .isInstanceOf(ChangeHistoryUnavailableException.class)
                .hasMessageStartingWith("the destination's change stream cannot be read from Timestamp(1, 0) (error 286");
    }

    @Test
    void aFollowerGivenItsEndLaterNotesWhatAReadingUpToThatEndNotes() throws Exception {
        ClusterTime start = after(1);
        HistoryFollower follower = HistoryFollower.start(new ChangeHistory(client(1), "destination", filter()),
                "test-follower", start);
        try {
            orders(1).updateOne(Filters.eq("_id", 8), Updates.set("total", 80));
            orders(1).deleteOne(Filters.eq("_id", 9));
            client(1).getDatabase("shop").getCollection("returns").createIndex(Indexes.ascending("order"));
            client(1).getDatabase("elsewhere").getCollection("notes").insertOne(new Document("_id", 1));
            ClusterTime end = now(1);

            RecheckScope followed = follower.finish(end).get(30, TimeUnit.SECONDS);

            RecheckScope read = new RecheckScope(10);
            new ChangeHistory(client(1), "destination", filter()).note(start, end, read, new VerificationProgress());
            assertThat(followed.describe()).isEqualTo(read.describe())
                    .isEqualTo("2 keys in 1 namespaces, 1 namespaces and 0 databases in full");
            assertThat(followed.comparedInFull(new com.mongodb.MongoNamespace("shop.returns"))).isTrue();
        } finally {
            follower.stop();
            follower.awaitStopped();
        }
    }

    @Test
    void whileItsEndIsUnknownAReadingLetsEventsGatherInsteadOfSendingAGetMorePerEvent() throws Exception {
        ClusterTime start = after(1);
        List<String> commands = new CopyOnWriteArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };
        try (MongoClient counted = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(CLUSTERS.get(1).connectionString()))
                .addCommandListener(listener).build())) {
            AtomicReference<ClusterTime> end = new AtomicReference<>();
            RecheckScope scope = new RecheckScope(100);
            ChangeHistory.Pace gatherForAnHour = new ChangeHistory.Pace(Duration.ofMillis(50), Duration.ofHours(1));
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> new ChangeHistory(counted, "destination",
                    filter()).read(start, () -> Optional.ofNullable(end.get()), gatherForAnHour, scope, new VerificationProgress()));
            for (int i = 0; i < 30; i++) {
                orders(1).updateOne(Filters.eq("_id", i), Updates.set("total", -1 - i));
            }
            long getMoresWhileWriting = commands.stream().filter("getMore"::equals).count();

            end.set(now(1));
            reading.get(30, TimeUnit.SECONDS);

            assertThat(getMoresWhileWriting).isZero();
            assertThat(scope.describe()).isEqualTo("30 keys in 1 namespaces, 0 namespaces and 0 databases in full");
        }
    }

    private static RecheckScope changedSince(ClusterTime start0, ClusterTime start1) {
        RecheckScope scope = new RecheckScope(10);
        VerificationProgress progress = new VerificationProgress();
        new ChangeHistory(CLUSTERS.client(0), "source", filter()).note(start0, now(0), scope, progress);
        new ChangeHistory(CLUSTERS.client(1), "destination", filter()).note(start1, now(1), scope, progress);
        return scope;
    }

    /** Just after every write so far: a change stream starting there shows only later events. */
    private static ClusterTime after(int cluster) {
        ClusterTime now = now(cluster);
        return new ClusterTime(now.seconds(), now.increment() + 1);
    }

    private static ClusterTime now(int cluster) {
        try (MongoClusterAdmin admin = MongoClusterAdmin.connect(CLUSTERS.get(cluster).connectionString())) {
            return admin.clusterTime();
        }
    }

    private static Verifier verifier() {
        return new Verifier(client(0), client(1), filter(), 10, new VerificationProgress());
    }

    private static NamespaceFilter filter() {
        return NamespaceFilter.parse(List.of("{\"database\": \"shop\"}"), List.of());
    }

    private static MongoClient client(int cluster) {
        return CLUSTERS.client(cluster);
    }

    private static MongoCollection<Document> orders(int cluster) {
        return client(cluster).getDatabase("shop").getCollection("orders");
    }
}
