package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/** A cluster that goes down and comes back on the same port with its data, history, users and fail points. */
class StopListeningTest {

    @Test
    void clientsFailWhileItIsDownAndReadItsDataAfterItComesBack() throws Exception {
        try (EmulatedReplicaSet cluster = EmulatedReplicaSet.start(EmulatorOptions.defaults().withAuth("admin:secret"));
             MongoClient client = quicklyFailing(cluster)) {
            MongoCollection<Document> collection = client.getDatabase("restart").getCollection("data");
            collection.insertOne(new Document("_id", 1).append("kept", true));
            int port = cluster.port();

            cluster.stopListening();

            assertThat(cluster.isListening()).isFalse();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(cluster.host(), port), 1000))
                .isInstanceOf(ConnectException.class);
            assertThatThrownBy(collection::countDocuments).as("the pooled connection was closed").isInstanceOf(MongoException.class);
            assertThatThrownBy(collection::countDocuments).as("no server to select").isInstanceOf(MongoTimeoutException.class);

            cluster.startListening();

            assertThat(cluster.port()).isEqualTo(port);
            assertThat(collection.find().first()).isEqualTo(new Document("_id", 1).append("kept", true));
            try (MongoClient fresh = MongoClients.create(cluster.connectionString())) {
                assertThat(fresh.getDatabase("restart").getCollection("data").countDocuments()).isEqualTo(1);
            }
        }
    }

    @Test
    void anOpenConnectionIsClosedWhenItStops() throws Exception {
        try (EmulatedReplicaSet cluster = EmulatedReplicaSet.startOnFreePort("rs0");
             Socket socket = new Socket(cluster.host(), cluster.port())) {
            socket.setSoTimeout(5000);

            cluster.stopListening();

            assertThat(readAfterClose(socket)).isIn("end of stream", "Connection reset");
            cluster.startListening();
        }
    }

    private static String readAfterClose(Socket socket) throws java.io.IOException {
        try {
            int read = socket.getInputStream().read();
            return read == -1 ? "end of stream" : "read " + read;
        } catch (java.net.SocketException e) {
            return e.getMessage();
        }
    }

    @Test
    void aChangeStreamContinuesWithoutAGapAcrossTheRestart() {
        try (EmulatedReplicaSet cluster = EmulatedReplicaSet.startOnFreePort("rs0");
             MongoClient client = quicklyFailing(cluster)) {
            MongoCollection<Document> collection = client.getDatabase("restart").getCollection("events");
            BsonDocument afterFirst;
            try (ChangeStreamProbe stream = ChangeStreamProbe.open(client.watch())) {
                collection.insertOne(new Document("_id", 1));
                stream.next();
                afterFirst = stream.resumeToken();
                collection.insertMany(List.of(new Document("_id", 2), new Document("_id", 3)));

                cluster.stopListening();
                cluster.startListening();
                collection.insertOne(new Document("_id", 4));

                assertThat(ids(stream.next(3))).as("the open stream resumes by itself").containsExactly(2, 3, 4);
                stream.assertNoMore();
            }
            try (ChangeStreamProbe resumed = ChangeStreamProbe.open(client.watch().resumeAfter(afterFirst))) {
                assertThat(ids(resumed.next(3))).as("a stream resumed by token").containsExactly(2, 3, 4);
                resumed.assertNoMore();
            }
        }
    }

    @Test
    void usersAndFailPointsSurviveTheRestart() {
        try (EmulatedReplicaSet cluster = EmulatedReplicaSet.start(EmulatorOptions.defaults().withAuth("admin:secret"));
             MongoClient client = quicklyFailing(cluster)) {
            client.getDatabase("admin").runCommand(new Document("createUser", "reader").append("pwd", "pw")
                .append("roles", List.of(new Document("role", "read").append("db", "restart"))));
            client.getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
                .append("mode", new Document("times", 1))
                .append("data", new Document("failCommands", List.of("count")).append("errorCode", 2)));

            cluster.stopListening();
            cluster.startListening();

            try (MongoClient afterRestart = MongoClients.create(cluster.connectionString())) {
                assertThatThrownBy(() -> afterRestart.getDatabase("restart").runCommand(new Document("count", "data")))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
            }
            String readerUri = "mongodb://reader:pw@" + cluster.host() + ":" + cluster.port() + "/?replicaSet=rs0&authSource=admin";
            try (MongoClient reader = MongoClients.create(readerUri)) {
                assertThat(reader.getDatabase("restart").getCollection("data").countDocuments()).isZero();
            }
        }
    }

    @Test
    void stoppingTwiceOrStartingTwiceIsRefused() {
        try (EmulatedReplicaSet cluster = EmulatedReplicaSet.startOnFreePort("rs0")) {
            assertThatThrownBy(cluster::startListening).isInstanceOf(IllegalStateException.class).hasMessageContaining("already listening");
            cluster.stopListening();
            assertThatThrownBy(cluster::stopListening).isInstanceOf(IllegalStateException.class).hasMessageContaining("not listening");
            cluster.startListening();
            assertThat(cluster.isListening()).isTrue();
        }
    }

    private static MongoClient quicklyFailing(EmulatedReplicaSet cluster) {
        return MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(cluster.connectionString()))
            .applyToClusterSettings(settings -> settings.serverSelectionTimeout(2, TimeUnit.SECONDS))
            .applyToServerSettings(settings -> settings.heartbeatFrequency(500, TimeUnit.MILLISECONDS))
            .build());
    }

    private static List<Object> ids(List<Document> events) {
        return events.stream().map(event -> event.get("documentKey", Document.class).get("_id")).toList();
    }
}
