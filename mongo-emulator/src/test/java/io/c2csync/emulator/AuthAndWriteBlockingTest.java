package io.c2csync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/** SCRAM authentication, users and roles (13 Unauthorized), and setUserWriteBlockMode (371). */
class AuthAndWriteBlockingTest {

    private static EmulatedReplicaSet cluster;
    private static MongoClient root;

    @BeforeAll
    static void start() {
        cluster = EmulatedReplicaSet.start(EmulatorOptions.defaults().withReplicaSetName("secured").withAuth("admin:s3cret"));
        root = MongoClients.create(cluster.connectionString());
        MongoDatabase admin = root.getDatabase("admin");
        admin.runCommand(new Document("createUser", "reader").append("pwd", "r").append("roles", List.of("readAnyDatabase")));
        admin.runCommand(new Document("createUser", "writer").append("pwd", "w").append("roles", List.of("readWriteAnyDatabase")));
        admin.runCommand(new Document("createRole", "syncer").append("roles", List.of("readWriteAnyDatabase"))
            .append("privileges", List.of(new Document("resource", new Document("cluster", true))
                .append("actions", List.of("setUserWriteBlockMode", "bypassWriteBlockingMode")))));
        admin.runCommand(new Document("createUser", "sync").append("pwd", "x").append("roles", List.of("syncer")));
    }

    @AfterAll
    static void stop() {
        root.close();
        cluster.close();
    }

    @Test
    void connectionStringCarriesTheConfiguredRootUser() {
        assertThat(cluster.connectionString()).startsWith("mongodb://admin:s3cret@127.0.0.1:").endsWith("&authSource=admin");
        assertThat(root.getDatabase("auth").getCollection("c").countDocuments()).isZero();
    }

    @Test
    void unauthenticatedClientsMayOnlyHandshake() {
        try (MongoClient anonymous = MongoClients.create(withoutCredentials())) {
            assertThat(anonymous.getDatabase("admin").runCommand(new Document("hello", 1)).getString("setName")).isEqualTo("secured");
            assertThatThrownBy(() -> anonymous.getDatabase("auth").getCollection("c").find().first())
                .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(13));
        }
    }

    @Test
    void bothScramMechanismsAuthenticateAndWrongPasswordsFail() {
        for (String mechanism : List.of("SCRAM-SHA-1", "SCRAM-SHA-256")) {
            try (MongoClient client = MongoClients.create(user("reader", "r") + "&authMechanism=" + mechanism)) {
                assertThat(client.getDatabase("auth").getCollection("c").countDocuments()).isZero();
            }
        }
        try (MongoClient wrong = MongoClients.create(user("reader", "nope"))) {
            assertThatThrownBy(() -> wrong.getDatabase("auth").getCollection("c").countDocuments())
                .isInstanceOfSatisfying(MongoSecurityException.class,
                    e -> assertThat(e.getCause()).isInstanceOfSatisfying(MongoException.class, cause -> assertThat(cause.getCode()).isEqualTo(18)));
        }
    }

    @Test
    void connectionStatusShowsTheRolesPrivilegesWhenAsked() {
        try (MongoClient sync = MongoClients.create(user("sync", "x"))) {
            Document plain = sync.getDatabase("admin").runCommand(new Document("connectionStatus", 1)).get("authInfo", Document.class);
            assertThat(plain.getList("authenticatedUsers", Document.class)).containsExactly(new Document("user", "sync").append("db", "admin"));
            assertThat(plain).doesNotContainKey("authenticatedUserPrivileges");

            Document authInfo = sync.getDatabase("admin").runCommand(new Document("connectionStatus", 1).append("showPrivileges", true))
                .get("authInfo", Document.class);
            List<Document> privileges = authInfo.getList("authenticatedUserPrivileges", Document.class);
            assertThat(actionsOn(privileges, new Document("cluster", true)))
                .containsExactly("bypassWriteBlockingMode", "listDatabases", "setUserWriteBlockMode");
            assertThat(actionsOn(privileges, new Document("db", "").append("collection", "")))
                .contains("find", "insert", "update", "remove", "changeStream").isSorted();
        }
        Document rootInfo = root.getDatabase("admin").runCommand(new Document("connectionStatus", 1).append("showPrivileges", true))
            .get("authInfo", Document.class);
        assertThat(rootInfo.getList("authenticatedUserPrivileges", Document.class))
            .contains(new Document("resource", new Document("anyResource", true)).append("actions", List.of("anyAction")));
    }

    private static List<String> actionsOn(List<Document> privileges, Document resource) {
        return privileges.stream().filter(privilege -> privilege.get("resource").equals(resource)).findFirst().orElseThrow()
            .getList("actions", String.class);
    }

    @Test
    void withoutAuthorizationNobodyIsAuthenticatedAndNoPrivilegeIsListed() {
        try (EmulatedReplicaSet open = EmulatedReplicaSet.startOnFreePort("open");
             MongoClient client = MongoClients.create(open.connectionString())) {
            Document authInfo = client.getDatabase("admin").runCommand(new Document("connectionStatus", 1).append("showPrivileges", true))
                .get("authInfo", Document.class);
            assertThat(authInfo).isEqualTo(new Document("authenticatedUsers", List.of()).append("authenticatedUserRoles", List.of())
                .append("authenticatedUserPrivileges", List.of()));
        }
    }

    @Test
    void rolesLimitWhatUsersMayDo() {
        try (MongoClient reader = MongoClients.create(user("reader", "r"));
             MongoClient writer = MongoClients.create(user("writer", "w"))) {
            writer.getDatabase("auth").getCollection("roles").insertOne(new Document("_id", 1));
            assertThat(reader.getDatabase("auth").getCollection("roles").countDocuments()).isEqualTo(1);
            assertThatThrownBy(() -> reader.getDatabase("auth").getCollection("roles").insertOne(new Document("_id", 2)))
                .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(13));
            assertThatThrownBy(() -> writer.getDatabase("admin").runCommand(new Document("setUserWriteBlockMode", 1).append("global", true)))
                .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(13));
        }
    }

    @Test
    void usersInfoDescribesUsers() {
        Document info = root.getDatabase("admin").runCommand(new Document("usersInfo", "writer"));

        Document writer = info.getList("users", Document.class).get(0);
        assertThat(writer.getString("_id")).isEqualTo("admin.writer");
        assertThat(writer.getList("roles", Document.class)).containsExactly(new Document("role", "readWriteAnyDatabase").append("db", "admin"));
        assertThat(writer.getList("mechanisms", String.class)).containsExactlyInAnyOrder("SCRAM-SHA-1", "SCRAM-SHA-256");
    }

    @Test
    void writeBlockingStopsUsersWithoutTheBypassPrivilege() {
        try (MongoClient writer = MongoClients.create(user("writer", "w"));
             MongoClient sync = MongoClients.create(user("sync", "x"))) {
            sync.getDatabase("admin").runCommand(new Document("setUserWriteBlockMode", 1).append("global", true));
            try {
                assertThat(root.getDatabase("admin").runCommand(new Document("getParameter", 1).append("userWriteBlockMode", 1))
                    .get("userWriteBlockMode", Document.class).getBoolean("global")).isTrue();
                assertThatThrownBy(() -> writer.getDatabase("blocked").getCollection("c").insertOne(new Document("_id", 1)))
                    .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(371));
                assertThatThrownBy(() -> writer.getDatabase("blocked").createCollection("ddl"))
                    .isInstanceOfSatisfying(MongoException.class, e -> assertThat(e.getCode()).isEqualTo(371));
                sync.getDatabase("blocked").getCollection("c").insertOne(new Document("_id", "sync"));
                root.getDatabase("blocked").getCollection("c").insertOne(new Document("_id", "root"));
            } finally {
                sync.getDatabase("admin").runCommand(new Document("setUserWriteBlockMode", 1).append("global", false));
            }
            writer.getDatabase("blocked").getCollection("c").insertOne(new Document("_id", "writer"));
            assertThat(root.getDatabase("blocked").getCollection("c").countDocuments()).isEqualTo(3);
        }
    }

    @Test
    void withoutAuthorizationWriteBlockingBlocksNoOne() {
        try (EmulatedReplicaSet open = EmulatedReplicaSet.startOnFreePort("open");
             MongoClient client = MongoClients.create(open.connectionString())) {
            client.getDatabase("admin").runCommand(new Document("setUserWriteBlockMode", 1).append("global", true));
            client.getDatabase("free").getCollection("c").insertOne(new Document("_id", 1));

            assertThat(client.getDatabase("free").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }

    private static String withoutCredentials() {
        return "mongodb://127.0.0.1:" + cluster.port() + "/?replicaSet=secured";
    }

    private static String user(String name, String password) {
        return "mongodb://" + name + ":" + password + "@127.0.0.1:" + cluster.port() + "/?replicaSet=secured&authSource=admin";
    }
}
