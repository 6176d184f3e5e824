package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ClusterType;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

class ReplicaSetIdentityTest {

    @RegisterExtension
    static final EmulatedClusters CLUSTERS = EmulatedClusters.one();

    private static final List<CommandStartedEvent> STARTED = new CopyOnWriteArrayList<>();
    private static final List<CommandSucceededEvent> SUCCEEDED = new CopyOnWriteArrayList<>();
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                STARTED.add(event);
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                SUCCEEDED.add(event);
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(CLUSTERS.source().connectionString()))
            .addCommandListener(recorder)
            .build());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void connectionStringNamesTheReplicaSet() {
        EmulatedReplicaSet cluster = CLUSTERS.source();
        assertThat(cluster.connectionString())
            .isEqualTo("mongodb://127.0.0.1:" + cluster.port() + "/?replicaSet=rs0");
    }

    @Test
    void aTakenPortIsReportedClearly() {
        EmulatorOptions taken = EmulatorOptions.defaults().withPort(CLUSTERS.source().port());

        assertThatThrownBy(() -> EmulatedReplicaSet.start(taken))
            .isInstanceOf(java.io.UncheckedIOException.class)
            .hasMessageContaining("cannot listen on")
            .hasCauseInstanceOf(java.net.BindException.class);
    }

    @Test
    void helloDescribesAWritablePrimaryOfTheNamedSet() {
        Document hello = admin().runCommand(new Document("hello", 1));
        String member = "127.0.0.1:" + CLUSTERS.source().port();

        assertThat(hello.getString("setName")).isEqualTo("rs0");
        assertThat(hello.getList("hosts", String.class)).containsExactly(member);
        assertThat(hello.getString("primary")).isEqualTo(member);
        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        assertThat(hello.getInteger("logicalSessionTimeoutMinutes")).isEqualTo(30);
        assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(17);
        assertThat(hello).doesNotContainKey("topologyVersion");
        assertThat(admin().runCommand(new Document("isMaster", 1)).getBoolean("ismaster")).isTrue();
    }

    @Test
    void driverSeesAReplicaSetWithAPrimary() {
        client.getDatabase("identity").getCollection("ping").insertOne(new Document("x", 1));

        assertThat(client.getClusterDescription().getType()).isEqualTo(ClusterType.REPLICA_SET);
        assertThat(client.getClusterDescription().getServerDescriptions()).singleElement().satisfies(server -> assertThat(server.isPrimary()).isTrue());
    }

    @Test
    void buildInfoReportsMongoDb7() {
        Document buildInfo = admin().runCommand(new Document("buildInfo", 1));

        assertThat(buildInfo.getString("version")).startsWith("7.0.");
        assertThat(buildInfo.getList("versionArray", Integer.class)).startsWith(7, 0);
    }

    @Test
    void getParameterAnswersKnownParametersAndRefusesUnknownOnes() {
        Document fcv = admin().runCommand(new Document("getParameter", 1).append("featureCompatibilityVersion", 1));
        assertThat(fcv.get("featureCompatibilityVersion", Document.class).getString("version")).isEqualTo("7.0");

        assertThatThrownBy(() -> admin().runCommand(new Document("getParameter", 1).append("noSuchParameter", 1)))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(72));
    }

    @Test
    void replSetGetStatusShowsOnePrimaryAndOnlyRunsOnAdmin() {
        Document status = admin().runCommand(new Document("replSetGetStatus", 1));

        assertThat(status.getString("set")).isEqualTo("rs0");
        assertThat(status.getInteger("myState")).isEqualTo(1);
        Document self = status.getList("members", Document.class).get(0);
        assertThat(self.getString("stateStr")).isEqualTo("PRIMARY");
        assertThatThrownBy(() -> client.getDatabase("other").runCommand(new Document("replSetGetStatus", 1)))
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
    }

    @Test
    void serverStatusHasAReplSection() {
        Document status = admin().runCommand(new Document("serverStatus", 1));

        assertThat(status.get("repl", Document.class).getString("setName")).isEqualTo("rs0");
        assertThat(status.getString("version")).startsWith("7.0.");
    }

    @Test
    void sessionCommandsSucceed() {
        assertThat(admin().runCommand(new Document("killAllSessions", List.of())).get("ok")).isEqualTo(1.0);
        try (ClientSession session = client.startSession()) {
            Document endSessions = admin().runCommand(new Document("endSessions", List.of(session.getServerSession().getIdentifier())));
            assertThat(endSessions.get("ok")).isEqualTo(1.0);
        }
    }

    @Test
    void everyReplyCarriesOperationTimeAndAnIncreasingClusterTime() {
        MongoCollection<Document> collection = client.getDatabase("identity").getCollection("clock");
        int from = SUCCEEDED.size();
        collection.insertOne(new Document("n", 1));
        collection.find().first();
        collection.insertOne(new Document("n", 2));
        collection.find().first();

        List<CommandSucceededEvent> replies = SUCCEEDED.subList(from, SUCCEEDED.size());
        assertThat(replies).hasSizeGreaterThanOrEqualTo(4);
        BsonTimestamp previous = new BsonTimestamp(0, 0);
        for (CommandSucceededEvent reply : replies) {
            BsonDocument response = reply.getResponse();
            assertThat(response.containsKey("operationTime")).as(reply.getCommandName()).isTrue();
            BsonTimestamp clusterTime = response.getDocument("$clusterTime").getTimestamp("clusterTime");
            assertThat(clusterTime.compareTo(previous)).as(reply.getCommandName()).isGreaterThanOrEqualTo(0);
            previous = clusterTime;
        }
        BsonTimestamp afterFirstInsert = replies.get(0).getResponse().getDocument("$clusterTime").getTimestamp("clusterTime");
        BsonTimestamp afterSecondInsert = replies.get(2).getResponse().getDocument("$clusterTime").getTimestamp("clusterTime");
        assertThat(afterSecondInsert).isGreaterThan(afterFirstInsert);
    }

    @Test
    void sessionsAndRetryableWritesAreUsed() {
        MongoCollection<Document> collection = client.getDatabase("identity").getCollection("sessions");
        try (ClientSession session = client.startSession()) {
            collection.insertOne(session, new Document("_id", 1));
            assertThat(collection.find(session).first()).isEqualTo(new Document("_id", 1));
            assertThat(session.getOperationTime()).isNotNull();
            assertThat(session.getClusterTime()).isNotNull();
        }
        CommandStartedEvent insert = STARTED.stream()
            .filter(event -> event.getCommandName().equals("insert")
                && event.getCommand().getString("insert").getValue().equals("sessions"))
            .findFirst().orElseThrow();
        assertThat(insert.getCommand().containsKey("lsid")).isTrue();
        assertThat(insert.getCommand().containsKey("txnNumber")).as("retryable write").isTrue();
    }

    @Test
    void transactionsAreRefusedLoudly() {
        MongoCollection<Document> collection = client.getDatabase("identity").getCollection("transactions");
        try (ClientSession session = client.startSession()) {
            session.startTransaction();
            assertThatThrownBy(() -> collection.insertOne(session, new Document("_id", 1)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(20);
                    assertThat(e.getErrorMessage()).contains("transactions are not supported");
                });
            session.abortTransaction();
        }
        assertThat(collection.countDocuments()).isZero();
    }

    private static com.mongodb.client.MongoDatabase admin() {
        return client.getDatabase("admin");
    }
}
