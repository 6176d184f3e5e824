package io.c2csync.controlplane.api;

import static io.c2csync.controlplane.api.ApiFixture.assertError;
import static io.c2csync.controlplane.api.ApiFixture.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.fakes.FakeClusterAdmin;
import io.c2csync.controlplane.fakes.FakePipeline;
import io.c2csync.controlplane.sync.ClusterAction;
import io.c2csync.controlplane.sync.ClusterFacts;
import io.c2csync.controlplane.sync.IndexBuild;
import io.c2csync.controlplane.sync.NamePattern;
import io.c2csync.controlplane.sync.NamespaceFilter;
import io.c2csync.controlplane.sync.ServerVersion;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.WriteBlocking;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /start}: parsing, defaults, cross-field rules and live cluster checks. */
class StartRequestTest {
    private static final String DIRECTION = "\"source\":\"cluster0\",\"destination\":\"cluster1\"";

    private final ApiFixture fixture = new ApiFixture();
    private final ApiClient api = fixture.serve(SyncState.IDLE);

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    private SyncSpec startedSpec() {
        return fixture.harness.store.load().orElseThrow().spec();
    }

    private String refused(String fields, int status, String error) {
        String description = assertError(api.start("{" + fields + "}"), status, error);
        assertThat(fixture.harness.store.load()).isEmpty();
        assertThat(fixture.harness.journal.entries()).isEmpty();
        return description;
    }

    @Test
    void appliesTheContractsDefaults() {
        assertSuccess(api.start("{\"source\":\"cluster1\",\"destination\":\"cluster0\"}"));

        SyncSpec spec = startedSpec();
        assertThat(spec.direction().source().apiName()).isEqualTo("cluster1");
        assertThat(spec.reversible()).isFalse();
        assertThat(spec.writeBlocking()).isEqualTo(WriteBlocking.DESTINATION_ONLY);
        assertThat(spec.buildIndexes()).isEqualTo(IndexBuild.AFTER_DATA_COPY);
        assertThat(spec.verificationEnabled()).isTrue();
        assertThat(spec.includeNamespaces()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "true | SOURCE_AND_DESTINATION",
        "\"sourceAndDestination\" | SOURCE_AND_DESTINATION",
        "\"destinationOnly\" | DESTINATION_ONLY",
        "false | NONE",
        "\"none\" | NONE"})
    void acceptsEveryFormOfWriteBlocking(String value, WriteBlocking expected) {
        assertSuccess(api.start("{" + DIRECTION + ",\"enableUserWriteBlocking\":" + value + "}"));
        assertThat(startedSpec().writeBlocking()).isEqualTo(expected);
        assertThat(fixture.harness.cluster1.writesBlocked()).isEqualTo(expected != WriteBlocking.NONE);
    }

    @Test
    void parsesNamespaceFilters() {
        assertSuccess(api.start("{" + DIRECTION + ",\"includeNamespaces\":[{\"database\":\"shop\","
                + "\"collections\":[\"orders\",\"items\"]},{\"databaseRegex\":{\"pattern\":\"^log_\",\"options\":\"i\"},"
                + "\"collectionsRegex\":{\"pattern\":\"2026$\"}}],"
                + "\"excludeNamespaces\":[{\"database\":\"shop\",\"collections\":[\"tmp\"]}]}"));

        assertThat(startedSpec().includeNamespaces()).containsExactly(
                new NamespaceFilter("shop", List.of("orders", "items"), null, null),
                new NamespaceFilter(null, null, new NamePattern("^log_", "i"), new NamePattern("2026$", "")));
        assertThat(startedSpec().excludeNamespaces())
                .containsExactly(new NamespaceFilter("shop", List.of("tmp"), null, null));
    }

    @Test
    void namesAnUnknownField() {
        assertThat(refused(DIRECTION + ",\"reversable\":true", 400, "InvalidRequest"))
                .contains("unknown field 'reversable'", "reversible");
    }

    @Test
    void namesAnUnknownFieldInsideAFilter() {
        assertThat(refused(DIRECTION + ",\"includeNamespaces\":[{\"database\":\"a\",\"colections\":[\"b\"]}]", 400,
                "InvalidRequest")).contains("'includeNamespaces[0].colections'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"reversible\":\"yes\" | 'reversible' | a boolean",
        "\"reversible\":1 | 'reversible' | a boolean",
        "\"buildIndexes\":false | 'buildIndexes' | a string",
        "\"includeNamespaces\":{} | 'includeNamespaces' | an array",
        "\"includeNamespaces\":[{\"database\":\"a\",\"collections\":\"b\"}] | 'includeNamespaces[0].collections' | an array",
        "\"verification\":{\"enabled\":\"no\"} | 'verification.enabled' | a boolean"})
    void namesAFieldOfTheWrongType(String field, String name, String expected) {
        assertThat(refused(DIRECTION + "," + field, 400, "InvalidRequest")).contains(name, expected);
    }

    @Test
    void namesAMissingCluster() {
        assertThat(refused("\"source\":\"cluster0\"", 400, "InvalidRequest")).contains("'destination' is required");
    }

    @Test
    void refusesASourceThatIsNotAString() {
        assertThat(refused("\"source\":0,\"destination\":\"cluster1\"", 400, "InvalidRequest")).contains("'source'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"source\":\"cluster0\",\"destination\":\"cluster0\" | both \"cluster0\"",
        "\"source\":\"cluster2\",\"destination\":\"cluster1\" | \"cluster2\"",
        "\"source\":\"Cluster0\",\"destination\":\"cluster1\" | \"Cluster0\""})
    void refusesBadClusterNames(String fields, String named) {
        assertThat(refused(fields, 400, "InvalidClusterName")).contains(named);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"reversible\":true,\"enableUserWriteBlocking\":true,\"includeNamespaces\":[{\"database\":\"a\"}] | cannot be combined with 'includeNamespaces' or 'excludeNamespaces'",
        "\"reversible\":true,\"enableUserWriteBlocking\":true,\"excludeNamespaces\":[{\"database\":\"a\"}] | cannot be combined with 'includeNamespaces' or 'excludeNamespaces'",
        "\"reversible\":true,\"enableUserWriteBlocking\":true,\"buildIndexes\":\"never\" | never",
        "\"reversible\":true | enableUserWriteBlocking",
        "\"reversible\":true,\"enableUserWriteBlocking\":\"destinationOnly\" | enableUserWriteBlocking"})
    void refusesOptionsThatCannotGoTogether(String fields, String named) {
        assertThat(refused(DIRECTION + "," + fields, 400, "InvalidOptions")).contains(named);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"enableUserWriteBlocking\":\"always\" | enableUserWriteBlocking",
        "\"enableUserWriteBlocking\":1 | enableUserWriteBlocking",
        "\"buildIndexes\":\"sometimes\" | buildIndexes",
        "\"includeNamespaces\":[{\"databaseRegex\":{\"pattern\":\"(unclosed\"}}] | invalid regex '(unclosed'",
        "\"includeNamespaces\":[{\"databaseRegex\":{\"pattern\":\"a\",\"options\":\"q\"}}] | regex option 'q'",
        "\"includeNamespaces\":[{\"database\":\"a\",\"databaseRegex\":{\"pattern\":\"a\"}}] | exactly one of",
        "\"includeNamespaces\":[{\"collections\":[\"a\"]}] | exactly one of",
        "\"includeNamespaces\":[{\"database\":\"a\",\"collections\":[]}] | must not be empty",
        "\"includeNamespaces\":[null] | must be an object",
        "\"includeNamespaces\":[{\"database\":\"a.b\"}] | without '.'"})
    void refusesABadOptionOrFilter(String fields, String named) {
        assertThat(refused(DIRECTION + "," + fields, 400, "InvalidRequest")).contains(named);
    }

    @Test
    void refusesADestinationWithUserData() {
        fixture.harness.cluster1.withFacts(facts(new ServerVersion(7, 0), EnumSet.allOf(ClusterAction.class), true));
        assertThat(refused(DIRECTION, 409, "DestinationNotEmpty")).contains("cluster1: host1:27017");
    }

    @Test
    void refusesWriteBlockingBeforeSix() {
        fixture.harness.cluster1.withFacts(facts(new ServerVersion(5, 0), EnumSet.allOf(ClusterAction.class), false));
        assertThat(refused(DIRECTION, 400, "UnsupportedServerVersion")).contains("5.0", "6.0");
    }

    @Test
    void acceptsAnOlderServerWithoutWriteBlocking() {
        fixture.harness.cluster1.withFacts(facts(new ServerVersion(5, 0), EnumSet.allOf(ClusterAction.class), false));
        assertSuccess(api.start("{" + DIRECTION + ",\"enableUserWriteBlocking\":false}"));
    }

    @Test
    void namesTheMissingPrivileges() {
        EnumSet<ClusterAction> readOnly = EnumSet.of(ClusterAction.FIND, ClusterAction.CHANGE_STREAM);
        fixture.harness.cluster0.withFacts(facts(new ServerVersion(7, 0), readOnly, false));
        assertThat(refused(DIRECTION + ",\"reversible\":true,\"enableUserWriteBlocking\":true", 403,
                "InsufficientPrivileges")).contains("cluster0: host0:27017", "bypassWriteBlockingMode", "insert");
    }

    @Test
    void refusesAStandalone() {
        fixture.harness.cluster0.withFacts(new ClusterFacts(new ServerVersion(7, 0), false,
                EnumSet.allOf(ClusterAction.class), List.of()));
        assertThat(refused(DIRECTION, 400, "InvalidRequest")).contains("not a replica set");
    }

    @Test
    void reportsAnUnreachableCluster() {
        fixture.harness.cluster0.fail(FakeClusterAdmin.Operation.INSPECT);
        assertThat(refused(DIRECTION, 503, "ClusterUnreachable")).contains("host0:27017");
    }

    @Test
    void reportsAnUnreachableConnectAndStaysIdle() {
        fixture.harness.pipeline.fail(FakePipeline.Operation.DEPLOY);
        assertError(api.start("{" + DIRECTION + "}"), 503, "ConnectUnavailable");
        assertThat(fixture.harness.store.load()).isEmpty();
        assertThat(api.progress().json().at("/progress/state").textValue()).isEqualTo("IDLE");
    }

    private static ClusterFacts facts(ServerVersion version, EnumSet<ClusterAction> actions, boolean hasUserData) {
        return new ClusterFacts(version, true, actions, hasUserData ? List.of("shop") : List.of());
    }
}
