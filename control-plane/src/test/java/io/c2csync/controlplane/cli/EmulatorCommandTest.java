package io.c2csync.controlplane.cli;

import static io.c2csync.runtime.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulatorCommandTest {

    private static final Pattern READY_LINE = Pattern.compile("c2c-sync emulator ready: (mongodb://\\S+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @Test
    void runsAReplicaSetUntilStoppedAndPrintsItsConnectionString() throws Exception {
        Future<Integer> exitCode = thread.submit(() -> commandLine().execute("emulator", "--port", "0", "--replSet", "demo"));
        String uri = awaitReadyLine(exitCode);
        assertThat(uri).contains("replicaSet=demo");

        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("app").getCollection("items").insertOne(new Document("_id", 1));
            assertThat(client.getDatabase("app").getCollection("items").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("admin").runCommand(new Document("hello", 1)).getString("setName")).isEqualTo("demo");
        }

        thread.shutdownNow();
        assertThat(exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(RuntimeCommand.EXIT_INTERRUPTED);
    }

    @Test
    void withAuthTheFirstUserIsRequiredAndItsPasswordIsNeverPrinted() throws Exception {
        Future<Integer> exitCode = thread.submit(
                () -> commandLine().execute("emulator", "--port", "0", "--auth", "--user", "admin:s3cret"));
        String printed = awaitReadyLine(exitCode);
        assertThat(out.toString()).doesNotContain("s3cret");

        String withPassword = printed.replace("****", "s3cret");
        try (MongoClient client = MongoClients.create(withPassword)) {
            assertThat(client.getDatabase("admin").runCommand(new Document("connectionStatus", 1))
                    .get("authInfo", Document.class).getList("authenticatedUsers", Document.class))
                    .extracting(user -> user.getString("user")).containsExactly("admin");
        }
        try (MongoClient client = MongoClients.create(printed.replace("****", "wrong"))) {
            assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)))
                    .isInstanceOf(MongoSecurityException.class);
        }
    }

    @Test
    void authWithoutAUserIsAClearUsageError() {
        assertThat(commandLine().execute("emulator", "--auth")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--auth needs --user NAME:PASSWORD");
    }

    @Test
    void aMalformedUserIsAClearUsageError() {
        assertThat(commandLine().execute("emulator", "--auth", "--user", "nopassword")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("auth must be 'user:password'");
    }

    private CommandLine commandLine() {
        return C2cSyncCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }

    private String awaitReadyLine(Future<Integer> exitCode) {
        await("the ready line", Duration.ofSeconds(30))
                .guardedBy(() -> assertThat(exitCode).as("command ended early: %s", err).isNotDone())
                .until(() -> READY_LINE.matcher(out.toString()).find());
        Matcher ready = READY_LINE.matcher(out.toString());
        assertThat(ready.find()).isTrue();
        return ready.group(1);
    }
}
