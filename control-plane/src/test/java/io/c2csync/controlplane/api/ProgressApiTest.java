package io.c2csync.controlplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.c2csync.controlplane.fakes.FakeClusterAdmin;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.VerificationReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /progress}: every field of the contract, and the nulls the contract asks for. */
class ProgressApiTest {
    private static final List<String> CONTRACT_FIELDS = List.of("state", "canCommit", "canWrite", "info",
            "lagTimeSeconds", "lag", "totalEventsApplied", "collectionCopy", "directionMapping", "source",
            "destination", "mongosyncID", "coordinatorID", "verification");

    private final ApiFixture fixture = new ApiFixture();

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    private static JsonNode progressOf(ApiClient api) {
        ApiClient.Reply reply = api.progress();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("success").booleanValue()).isTrue();
        return reply.json().get("progress");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void idleShowsOnlyStateAndCanCommit() {
        JsonNode progress = progressOf(fixture.serve(SyncState.IDLE));

        assertThat(fieldNames(progress)).containsExactlyElementsOf(CONTRACT_FIELDS);
        assertThat(progress.get("state").textValue()).isEqualTo("IDLE");
        assertThat(progress.get("canCommit").booleanValue()).isFalse();
        CONTRACT_FIELDS.stream().filter(f -> !f.equals("state") && !f.equals("canCommit"))
                .forEach(f -> assertThat(progress.get(f).isNull()).as(f).isTrue());
    }

    @Test
    void runningShowsEveryField() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        VerificationReport.Side side = new VerificationReport.Side(100, 90, 3, 2, "hashing");
        fixture.harness.signals.set(new ProgressSample(new CopyProgress(5000, 5000, true),
                fixture.harness.clock.instant().minusSeconds(4), 1234, true, new VerificationReport(side, side)));

        JsonNode progress = progressOf(api);

        assertThat(fieldNames(progress)).containsExactlyElementsOf(CONTRACT_FIELDS);
        assertThat(progress.get("state").textValue()).isEqualTo("RUNNING");
        assertThat(progress.get("canCommit").booleanValue()).isTrue();
        assertThat(progress.get("canWrite").booleanValue()).isFalse();
        assertThat(progress.get("info").textValue()).isEqualTo("change event application");
        assertThat(progress.get("lagTimeSeconds").longValue()).isEqualTo(4);
        assertThat(progress.get("lag").toString())
                .isEqualTo("{\"overallLagSeconds\":4,\"crudLagSeconds\":4,\"ddlLagSeconds\":4}");
        assertThat(progress.get("totalEventsApplied").longValue()).isEqualTo(1234);
        assertThat(progress.get("collectionCopy").toString())
                .isEqualTo("{\"estimatedTotalBytes\":5000,\"estimatedCopiedBytes\":5000}");
        assertThat(progress.get("directionMapping").toString())
                .isEqualTo("{\"Source\":\"cluster0: host0:27017\",\"Destination\":\"cluster1: host1:27017\"}");
        assertThat(progress.get("source").toString()).isEqualTo("{\"pingLatencyMs\":3}");
        assertThat(progress.get("destination").toString()).isEqualTo("{\"pingLatencyMs\":3}");
        assertThat(progress.get("mongosyncID").textValue()).isEqualTo("test-coordinator");
        assertThat(progress.get("coordinatorID").textValue()).isEqualTo("test-coordinator");
        assertThat(progress.at("/verification/source/phase").textValue()).isEqualTo("hashing");
        assertThat(progress.at("/verification/destination/hashedDocumentCount").longValue()).isEqualTo(90);
    }

    @Test
    void theCopyPhaseShowsCollectionCopyAndCannotCommit() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.signals.set(new ProgressSample(new CopyProgress(0, 0, false), null, 0, false, null));

        JsonNode progress = progressOf(api);

        assertThat(progress.get("info").textValue()).isEqualTo("collection copy");
        assertThat(progress.get("canCommit").booleanValue()).isFalse();
        assertThat(progress.get("collectionCopy").toString())
                .isEqualTo("{\"estimatedTotalBytes\":1,\"estimatedCopiedBytes\":0}");
        assertThat(progress.get("lagTimeSeconds").isNull()).isTrue();
    }

    @Test
    void pausedHasNoLag() {
        JsonNode progress = progressOf(fixture.serve(SyncState.PAUSED));

        assertThat(progress.get("state").textValue()).isEqualTo("PAUSED");
        assertThat(progress.get("lagTimeSeconds").isNull()).isTrue();
        assertThat(progress.get("lag").isNull()).isTrue();
        assertThat(progress.get("canCommit").booleanValue()).isFalse();
    }

    @Test
    void lagAboveThirtySecondsCannotCommit() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.clock.advance(Duration.ofSeconds(45));

        JsonNode progress = progressOf(api);

        assertThat(progress.get("lagTimeSeconds").longValue()).isEqualTo(45);
        assertThat(progress.get("canCommit").booleanValue()).isFalse();
    }

    @Test
    void warnsAboutAFailedTaskAndAnUnreachableCluster() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.pipeline.failTask("org.apache.kafka.connect.errors.ConnectException: boom");
        fixture.harness.cluster1.fail(FakeClusterAdmin.Operation.PING);

        JsonNode progress = progressOf(api);

        assertThat(progress.get("destination").toString()).isEqualTo("{\"pingLatencyMs\":-1}");
        List<String> warnings = new ArrayList<>();
        progress.get("warnings").forEach(w -> warnings.add(w.textValue()));
        assertThat(warnings).containsExactlyInAnyOrder(
                "cluster1: host1:27017 is unreachable: host1:27017 is unreachable (PING)",
                "connector c2c-source-1 task 0 FAILED: org.apache.kafka.connect.errors.ConnectException: boom");
        assertThat(progress.get("canCommit").booleanValue()).isFalse();
    }

    @Test
    void showsWhatTheConnectHostSaysIsWrongWithIt() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.pipeline.warnAboutHost("The embedded Connect worker is down: it failed 6 times in a row");

        JsonNode progress = progressOf(api);

        assertThat(progress.get("warnings").toString())
                .contains("The embedded Connect worker is down: it failed 6 times in a row");
    }

    @Test
    void warnsWhenAConnectorIsNotInTheDesiredState() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.pipeline.pause(new io.c2csync.controlplane.sync.PairId(1));

        JsonNode progress = progressOf(api);

        assertThat(progress.get("warnings").toString())
                .contains("connector c2c-sink-1 is PAUSED but the sync is RUNNING (expected RUNNING)");
    }
}
