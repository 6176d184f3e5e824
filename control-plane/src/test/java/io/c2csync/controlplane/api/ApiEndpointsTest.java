package io.c2csync.controlplane.api;

import static io.c2csync.controlplane.api.ApiFixture.assertError;
import static io.c2csync.controlplane.api.ApiFixture.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.sync.ConnectorStatus;
import io.c2csync.controlplane.sync.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiEndpointsTest {
    private final ApiFixture fixture = new ApiFixture();

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    @Test
    void theSeedsReverseExample() {
        ApiClient api = fixture.serve(SyncState.COMMITTED);

        ApiClient.Reply reply = api.send("POST", "reverse", "{ }");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"success\":true}");
        fixture.harness.awaitPersistedState(SyncState.RUNNING);
        assertThat(api.progress().json().at("/progress/directionMapping/Source").textValue())
                .isEqualTo("cluster1: host1:27017");
    }

    @Test
    void startSucceedsInIdle() {
        ApiClient api = fixture.serve(SyncState.IDLE);

        assertSuccess(api.start("{\"source\":\"cluster0\",\"destination\":\"cluster1\",\"reversible\":true,"
                + "\"enableUserWriteBlocking\":true,\"buildIndexes\":\"beforeDataCopy\","
                + "\"verification\":{\"enabled\":false}}"));

        assertThat(fixture.harness.store.load()).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(SyncState.RUNNING);
            assertThat(r.spec().reversible()).isTrue();
            assertThat(r.spec().verificationEnabled()).isFalse();
        });
        assertThat(fixture.harness.journal.entries())
                .containsExactly("cluster1: setUserWriteBlocking(true)", "pipeline: deploy 1 cluster0->cluster1 from initial copy");
    }

    @Test
    void pauseSucceedsInRunning() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        assertSuccess(api.pause());
        assertThat(api.progress().json().at("/progress/state").textValue()).isEqualTo("PAUSED");
    }

    @Test
    void resumeSucceedsInPaused() {
        ApiClient api = fixture.serve(SyncState.PAUSED);
        assertSuccess(api.resume());
        assertThat(api.progress().json().at("/progress/state").textValue()).isEqualTo("RUNNING");
    }

    @Test
    void commitSucceedsInRunning() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        assertSuccess(api.commit());
        fixture.harness.awaitPersistedState(SyncState.COMMITTED);
        assertThat(api.progress().json().at("/progress/canWrite").booleanValue()).isTrue();
    }

    @Test
    void progressSucceedsInEveryState() {
        for (SyncState state : SyncState.values()) {
            try (ApiFixture own = new ApiFixture()) {
                ApiClient.Reply reply = own.serve(state).progress();
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.json().get("success").booleanValue()).isTrue();
                assertThat(reply.json().at("/progress/state").textValue()).isEqualTo(state.name());
            }
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"start, RUNNING", "pause, IDLE", "resume, RUNNING", "commit, PAUSED", "reverse, RUNNING",
        "commit, COMMITTING", "pause, COMMITTED"})
    void aCallInTheWrongStateIsInvalidState(String call, SyncState state) {
        ApiClient api = fixture.serve(state);
        String body = call.equals("start") ? "{\"source\":\"cluster0\",\"destination\":\"cluster1\"}" : "{}";

        String description = assertError(api.post(call, body), 409, "InvalidState");

        assertThat(description).contains("cannot " + call, state.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "pause", "resume", "commit", "reverse"})
    void aPostWithoutBodyIsInvalidRequest(String call) {
        ApiClient api = fixture.serve(SyncState.IDLE);
        assertThat(assertError(api.send("POST", call, null), 400, "InvalidRequest")).contains("send {}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[]", "null", "42", "{} {}", "{\"a\":1,\"a\":2}"})
    void aBodyThatIsNotOneJsonObjectIsInvalidRequest(String body) {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        assertError(api.post("pause", body), 400, "InvalidRequest");
        assertError(api.post("start", body), 400, "InvalidRequest");
        assertThat(fixture.harness.store.load().orElseThrow().state()).isEqualTo(SyncState.RUNNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pause", "resume", "commit", "reverse"})
    void aParameterOnACallWithoutParametersIsInvalidRequest(String call) {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        assertThat(assertError(api.post(call, "{\"force\":true}"), 400, "InvalidRequest")).contains("'force'");
    }

    @ParameterizedTest
    @CsvSource({"GET, start", "PUT, pause", "DELETE, commit", "GET, reverse", "POST, progress", "PUT, progress"})
    void aWrongMethodIsMethodNotAllowed(String method, String call) {
        ApiClient api = fixture.serve(SyncState.RUNNING);

        ApiClient.Reply reply = api.send(method, call, method.equals("GET") ? null : "{}");

        assertThat(assertError(reply, 405, "MethodNotAllowed")).contains("/api/v1/" + call, method);
        assertThat(reply.allow()).isEqualTo(call.equals("progress") ? "GET" : "POST");
    }

    @Test
    void aHeadRequestGetsTheStatusWithoutABody() {
        ApiClient api = fixture.serve(SyncState.RUNNING);

        ApiClient.Reply reply = api.send("HEAD", "progress", null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.allow()).isEqualTo("GET");
        assertThat(reply.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/", "/api/v1/stop", "/api/v2/start", "/api/v1/start/", "/api/v1/progress/x"})
    void anUnknownPathIsNotFound(String path) {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        ApiClient.Reply reply = api.sendTo(api.uriOf(path), "GET", null);
        assertThat(assertError(reply, 404, "NotFound")).contains(path);
    }

    @Test
    void aBugIsInternalErrorInTheSameShape() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.pipeline.breakWithBug(FakePipeline.Operation.PAUSE);

        assertThat(assertError(api.pause(), 500, "InternalError")).contains("bug in the pipeline adapter");
    }

    @Test
    void aCommitOfASyncWhoseResumePointLeftTheOplogIsRefusedByName() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.pipeline.failTask(new ConnectorStatus.TaskFailure(0, "ConnectException: ResumeToken not found",
                ConnectorStatus.Cause.CHANGE_STREAM_HISTORY_LOST));

        assertThat(assertError(api.commit(), 409, "ChangeStreamHistoryLost")).contains("oplog", "empty destination");
        assertThat(api.progress().json().at("/progress/state").textValue()).isEqualTo("RUNNING");
    }

    @Test
    void anUnreachableDependencyIsServiceUnavailable() {
        ApiClient api = fixture.serve(SyncState.RUNNING);
        fixture.harness.pipeline.fail(FakePipeline.Operation.PAUSE);

        assertError(api.pause(), 503, "ConnectUnavailable");
        assertThat(api.progress().json().at("/progress/state").textValue()).isEqualTo("RUNNING");
    }
}
