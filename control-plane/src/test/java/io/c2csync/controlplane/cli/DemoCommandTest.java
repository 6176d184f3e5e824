package io.c2csync.controlplane.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code c2c-sync demo} end to end, in this JVM: its exit code says whether every step it checks
 * happened (a refused write on the old source, the reverse write arriving, ...).
 */
class DemoCommandTest {
    private static final Pattern API = Pattern.compile("API (http://127\\.0\\.0\\.1:(\\d+)/api/v1/) \\(port");
    private static final Pattern PAGE = Pattern.compile("progress page: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern WORK_FOLDER = Pattern.compile("c2c-sync demo: working in (\\S+) ");
    private static final Pattern CURL = Pattern.compile("\\$ curl -s (\\S+)");

    @Test
    void walksThroughTheRunbookOnAFreePortWhenItsPortIsTakenAndStopsEverythingItStarted() throws Exception {
        Set<Long> processesBefore = BackgroundCommand.descendants();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        int taken;
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            taken = occupied.getLocalPort();
            exit = command(out, err).execute("demo", "--port", String.valueOf(taken));
        }

        assertThat(exit).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
        String printed = out.toString();
        assertThat(printed).contains("port " + taken + " is in use: the API listens on a free port instead")
                .contains("cluster0 refused the write with code 371 (UserWritesBlocked)")
                .contains("the order inserted and the customer renamed on cluster1 are on cluster0")
                .contains("directionMapping: Source = cluster1: ")
                .contains("The demo went through every step.");
        Matcher api = API.matcher(printed);
        assertThat(api.find()).isTrue();
        int port = Integer.parseInt(api.group(2));
        assertThat(port).isNotEqualTo(taken);
        List<String> curls = CURL.matcher(printed).results().map(m -> m.group(1)).toList();
        assertThat(curls).extracting(url -> url.replaceAll("api/v1/.*", "api/v1/")).containsOnly(api.group(1));
        assertThat(curls).extracting(url -> url.substring(api.group(1).length()))
                .containsSubsequence("progress", "start", "commit", "reverse", "progress");

        assertThat(BackgroundCommand.descendants()).as("child processes left behind").isSubsetOf(processesBefore);
        assertThat(workFolderOf(printed)).doesNotExist();
        assertThat(catchThrowableOfType(ConnectException.class, () -> new Socket("127.0.0.1", port).close()))
                .as("the API still listens on %d", port).isNotNull();
    }

    @Test
    void keepRunningLeavesTheSyncAndItsPageUpUntilStoppedAndThenStopsEverything() throws Exception {
        Set<Long> processesBefore = BackgroundCommand.descendants();
        String printed;
        try (BackgroundCommand demo = new BackgroundCommand("demo", "--port", "0", "--keep-running")) {
            demo.awaitOutput(Pattern.compile("Everything stays up until Ctrl-C"), Duration.ofMinutes(10));
            Matcher page = PAGE.matcher(demo.output());
            assertThat(page.find()).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(page.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("<title>c2c-sync progress</title>");
            String progress = http.send(HttpRequest.newBuilder(URI.create(page.group(1) + "api/v1/progress")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(progress).contains("\"state\":\"RUNNING\"").contains("\"Source\":\"cluster1: ");
            assertThat(demo.output()).contains("cluster0 as the application user: mongodb://app:****@");

            demo.stop(Duration.ofMinutes(2));
            printed = demo.output();
        }
        assertThat(BackgroundCommand.descendants()).as("child processes left behind").isSubsetOf(processesBefore);
        assertThat(workFolderOf(printed)).doesNotExist();
    }

    @Test
    void refusesAPortOutOfRangeWithAClearMessage() {
        StringWriter err = new StringWriter();

        int exit = command(new StringWriter(), err).execute("demo", "--port", "70000");

        assertThat(exit).isEqualTo(C2cSyncCommand.EXIT_FAILURE);
        assertThat(err.toString()).contains("--port must be 0..65535, got 70000");
    }

    private static Path workFolderOf(String printed) {
        Matcher workFolder = WORK_FOLDER.matcher(printed);
        assertThat(workFolder.find()).as(printed).isTrue();
        return Path.of(workFolder.group(1));
    }

    private static CommandLine command(StringWriter out, StringWriter err) {
        return C2cSyncCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    }
}
