package io.c2csync.controlplane.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.c2csync.connector.topics.Marker;
import io.c2csync.connector.topics.MarkerCodec;
import io.c2csync.connector.topics.MarkerKind;
import io.c2csync.connector.topics.MarkerNamespace;
import io.c2csync.controlplane.connect.PairTopics;
import io.c2csync.controlplane.fakes.FakeVerification;
import io.c2csync.controlplane.fakes.Journal;
import io.c2csync.controlplane.fakes.MutableClock;
import io.c2csync.controlplane.persist.FileSyncStateStore;
import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.NamespaceCopy;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.emulator.EmulatedClusters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markers on two emulated clusters, with the sink's part (copying marker documents to the
 * destination) played by the test.
 */
class MarkerSignalsTest {
    private static final PairId PAIR = new PairId(1);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.two();

    @TempDir
    Path dir;

    private FileSyncStateStore store;
    private ClusterClients clients;
    private MutableClock clock;
    private final PairTopics topics = new PairTopics("sig");

    @BeforeEach
    void connect() {
        store = new FileSyncStateStore(dir.resolve("state.json"));
        clients = ClusterClients.connect(CLUSTERS.get(0).connectionString(), CLUSTERS.get(1).connectionString());
        clock = new MutableClock(NOW);
        for (int i = 0; i < 2; i++) {
            CLUSTERS.client(i).getDatabase(MarkerNamespace.DATABASE).drop();
            CLUSTERS.client(i).getDatabase("shop").drop();
        }
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void heartbeatsGoToTheCurrentSourceOnlyWhileTheSyncCarriesDataForward() {
        HeartbeatWriter writer = new HeartbeatWriter(new PersistedSync(store), clients, topics, clock);
        writer.beat();
        assertThat(markers(0).countDocuments()).isZero();

        store.save(record(SyncState.RUNNING));
        writer.beat();
        Marker first = MarkerCodec.decode(markers(0).find().first());
        assertThat(first.kind()).isEqualTo(MarkerKind.HEARTBEAT);
        assertThat(first.syncId()).isEqualTo("sig-p1");
        assertThat(first.wallTime()).isEqualTo(NOW);
        assertThat(markers(1).countDocuments()).isZero();

        clock.advance(java.time.Duration.ofSeconds(3));
        writer.beat();
        Marker second = MarkerCodec.decode(markers(0).find().first());
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(second.wallTime()).isEqualTo(NOW.plusSeconds(3));

        store.save(record(SyncState.COMMITTED));
        clock.advance(java.time.Duration.ofSeconds(3));
        writer.beat();
        assertThat(MarkerCodec.decode(markers(0).find().first()).wallTime()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void theCopyIsDoneAndTheLagKnownOnceAHeartbeatReachedTheDestination() {
        store.save(record(SyncState.RUNNING));
        CLUSTERS.client(0).getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1).append("v", "x"));
        MarkerProgressSignals signals = new MarkerProgressSignals(clients, topics, new FakeVerification(new Journal()));

        ProgressSample copying = signals.sample(record(SyncState.RUNNING).currentPair());
        assertThat(copying.copy().done()).isFalse();
        assertThat(copying.indexesBuilt()).isFalse();
        assertThat(copying.newestApplied()).isEmpty();
        assertThat(copying.copy().estimatedTotalBytes()).isPositive();
        assertThat(copying.copy().estimatedCopiedBytes()).isZero();

        new HeartbeatWriter(new PersistedSync(store), clients, topics, clock).beat();
        markers(1).insertOne(markers(0).find().first());
        CLUSTERS.client(1).getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.CHECKPOINTS)
                .insertOne(new Document("_id", "c2c-sync.sig-p1.all/0").append("offset", 41L));

        ProgressSample streaming = signals.sample(record(SyncState.RUNNING).currentPair());
        assertThat(streaming.copy().done()).isTrue();
        assertThat(streaming.indexesBuilt()).isTrue();
        assertThat(streaming.newestApplied()).contains(NOW);
        assertThat(streaming.eventsApplied()).isEqualTo(42);
        assertThat(streaming.copy().estimatedCopiedBytes()).isEqualTo(streaming.copy().estimatedTotalBytes());
    }

    @Test
    void theCopyIsMeasuredPerNamespaceFromTheSourceAgainstTheDestination() {
        store.save(record(SyncState.RUNNING));
        List<Document> orders = List.of(new Document("_id", 1).append("v", "a"), new Document("_id", 2).append("v", "b"),
                new Document("_id", 3).append("v", "c"));
        CLUSTERS.client(0).getDatabase("shop").getCollection("orders").insertMany(orders);
        CLUSTERS.client(0).getDatabase("shop").getCollection("customers").insertOne(new Document("_id", 1));
        CLUSTERS.client(1).getDatabase("shop").getCollection("orders").insertOne(orders.get(0));

        CopyProgress copy = new MarkerProgressSignals(clients, topics, new FakeVerification(new Journal())).sample(record(SyncState.RUNNING).currentPair())
                .copy();

        assertThat(copy.namespaces()).extracting(NamespaceCopy::namespace).containsExactly("shop.customers", "shop.orders");
        NamespaceCopy customers = copy.namespaces().get(0);
        assertThat(customers.estimatedDocuments()).isEqualTo(1);
        assertThat(customers.copiedDocuments()).isZero();
        assertThat(customers.copiedBytes()).isZero();
        NamespaceCopy ordersCopy = copy.namespaces().get(1);
        assertThat(ordersCopy.estimatedDocuments()).isEqualTo(3);
        assertThat(ordersCopy.copiedDocuments()).isEqualTo(1);
        assertThat(ordersCopy.copiedBytes()).isPositive().isLessThan(ordersCopy.estimatedBytes());
        assertThat(copy.estimatedTotalBytes()).isEqualTo(customers.estimatedBytes() + ordersCopy.estimatedBytes());
        assertThat(copy.estimatedCopiedBytes()).isEqualTo(ordersCopy.copiedBytes());
    }

    /** A progress call observes the record it read; the coordinator may persist the reversed pair meanwhile. */
    @Test
    void samplesThePairItIsGivenEvenOnceTheReversedPairIsPersisted() {
        SyncRecord reversing = record(SyncState.REVERSING);
        CLUSTERS.client(0).getDatabase("shop").getCollection("orders").insertOne(new Document("_id", 1));
        store.save(reversing.reversedOnto(PAIR.next(), new ClusterTime(1_800_000_000L, 1)));

        ProgressSample sample = new MarkerProgressSignals(clients, topics, new FakeVerification(new Journal())).sample(reversing.currentPair());

        assertThat(sample.copy().namespaces()).extracting(NamespaceCopy::namespace).containsExactly("shop.orders");
        assertThat(sample.copy().estimatedCopiedBytes()).isZero();
    }

    @Test
    void appliedThroughWritesTheCommitMarkerOnceAndWaitsForItOnTheDestination() {
        store.save(record(SyncState.COMMITTING));
        CommitMarkers commit = new CommitMarkers(new PersistedSync(store), clients, topics, clock);
        ClusterTime point = new ClusterTime(1_800_000_000L, 4);

        assertThat(commit.appliedThrough(PAIR, point)).isFalse();
        assertThat(commit.appliedThrough(PAIR, point)).isFalse();
        BsonDocument written = markers(0).find().first();
        Marker marker = MarkerCodec.decode(written);
        assertThat(marker.kind()).isEqualTo(MarkerKind.COMMIT_POINT);
        assertThat(marker.sequence()).isZero();
        assertThat(marker.sourceClusterTime().getTime()).isEqualTo(1_800_000_000);
        assertThat(marker.sourceClusterTime().getInc()).isEqualTo(4);

        markers(1).insertOne(written);
        assertThat(commit.appliedThrough(PAIR, point)).isTrue();
        assertThat(commit.appliedThrough(PAIR, new ClusterTime(1_800_000_001L, 0))).isFalse();
        assertThat(MarkerCodec.decode(markers(0).find().first()).sequence()).isEqualTo(1);
    }

    /**
     * Found by the fault matrix: with the destination's reads failing, each retry wrote one more group's marker, so
     * the markers of the last groups set off only once the destination answered again.
     */
    @Test
    void appliedThroughWritesTheMarkerOfEveryGroupBeforeReadingTheDestination() {
        store.save(SyncRecord.started(new ClusterAddresses("a:1", "b:1"),
                SyncSpec.defaults(new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1)), List.of("shop", "crm"))
                .withState(SyncState.COMMITTING));
        PairTopics grouped = new PairTopics("sig", store::load);
        CommitMarkers commit = new CommitMarkers(new PersistedSync(store), clients, grouped, clock);
        failFindOnTheDestination("alwaysOn");
        try {
            assertThatThrownBy(() -> commit.appliedThrough(PAIR, new ClusterTime(1_800_000_000L, 4)))
                    .isInstanceOf(SyncException.class).hasMessageContaining("reading the applied commit marker");
        } finally {
            failFindOnTheDestination("off");
        }
        assertThat(grouped.groups(PAIR)).hasSize(3);
        assertThat(markers(0).find().map(MarkerCodec::decode).into(new java.util.ArrayList<>()))
                .extracting(Marker::group).containsExactlyInAnyOrder("db-shop", "db-crm", "other");
    }

    private static void failFindOnTheDestination(String mode) {
        CLUSTERS.client(1).getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
                .append("mode", mode).append("data", new Document("failCommands", List.of("find"))
                        .append("appName", "c2c-sync markers").append("errorCode", 6)));
    }

    private MongoCollection<BsonDocument> markers(int cluster) {
        MongoClient client = CLUSTERS.client(cluster);
        return client.getDatabase(MarkerNamespace.DATABASE).getCollection(MarkerNamespace.MARKERS, BsonDocument.class);
    }

    private SyncRecord record(SyncState state) {
        return SyncRecord.started(new ClusterAddresses("a:1", "b:1"),
                SyncSpec.defaults(new Direction(ClusterName.CLUSTER0, ClusterName.CLUSTER1)), List.of()).withState(state);
    }
}
