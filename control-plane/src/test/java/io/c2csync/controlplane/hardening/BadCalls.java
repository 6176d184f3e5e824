package io.c2csync.controlplane.hardening;

import io.c2csync.controlplane.sync.ApiCall;
import io.c2csync.controlplane.sync.SyncState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Malformed and out-of-order requests, generated from tables, with the answer the contract gives
 * them: the name, the status and what the description must name. Every call here changes nothing.
 */
final class BadCalls {
    static final String VALID_START = "{\"source\":\"cluster0\",\"destination\":\"cluster1\"}";
    static final List<String> POST_CALLS = List.of("start", "pause", "resume", "commit", "reverse");

    private static final String INVALID_REQUEST = "InvalidRequest";
    private static final String START_FIELDS = "\"source\":\"cluster0\",\"destination\":\"cluster1\"";

    /** Wrong JSON values for a field of each type. */
    private static final List<String> NOT_A_STRING = List.of("42", "4.5", "true", "[]", "{}");
    private static final List<String> NOT_A_BOOLEAN = List.of("42", "4.5", "\"true\"", "[]", "{}");
    private static final List<String> NOT_AN_ARRAY = List.of("42", "\"x\"", "true", "{}");
    private static final List<String> NOT_AN_OBJECT = List.of("42", "\"x\"", "true", "[]");
    private static final List<String> NOT_A_BOOLEAN_OR_STRING = List.of("42", "4.5", "[]", "{}");

    /** The calls each state allows besides progress, as the contract's state table lists them. */
    private static final Map<SyncState, Set<ApiCall>> ALLOWED = Map.of(
            SyncState.INITIALIZING, EnumSet.noneOf(ApiCall.class),
            SyncState.IDLE, EnumSet.of(ApiCall.START),
            SyncState.RUNNING, EnumSet.of(ApiCall.PAUSE, ApiCall.COMMIT),
            SyncState.PAUSED, EnumSet.of(ApiCall.RESUME),
            SyncState.COMMITTING, EnumSet.noneOf(ApiCall.class),
            SyncState.COMMITTED, EnumSet.of(ApiCall.REVERSE),
            SyncState.REVERSING, EnumSet.noneOf(ApiCall.class));

    private BadCalls() {
    }

    /** The groups whose answer does not depend on the state: checked before the state is. */
    static List<List<BadCall>> inAnyState() {
        return List.of(wrongTypes(), unknownFields(), invalidJson(), invalidRegexes(), invalidFilters(),
                badClusterNames(), badValues(), wrongMethods(), unknownPaths(), wrongContentTypes());
    }

    /** Every call the state does not allow, each with a valid body: 409 InvalidState naming the state. */
    static List<BadCall> wrongState(SyncState state) {
        List<BadCall> calls = new ArrayList<>();
        for (ApiCall call : ApiCall.values()) {
            if (call != ApiCall.PROGRESS && !ALLOWED.get(state).contains(call)) {
                calls.add(BadCall.post("wrong state " + state, call.pathName(),
                        call == ApiCall.START ? VALID_START : "{}", 409, "InvalidState", state.name()));
            }
        }
        return calls;
    }

    /** Options that cannot go together: checked once the state allows a start. */
    static List<BadCall> invalidOptions() {
        String group = "invalid options";
        List<BadCall> calls = new ArrayList<>();
        for (String options : List.of(
                "\"reversible\":true,\"enableUserWriteBlocking\":true,\"includeNamespaces\":[{\"database\":\"db\"}]",
                "\"reversible\":true,\"enableUserWriteBlocking\":true,\"excludeNamespaces\":[{\"database\":\"db\"}]",
                "\"reversible\":true,\"enableUserWriteBlocking\":true,\"buildIndexes\":\"never\"",
                "\"reversible\":true",
                "\"reversible\":true,\"enableUserWriteBlocking\":false",
                "\"reversible\":true,\"enableUserWriteBlocking\":\"destinationOnly\"")) {
            calls.add(BadCall.post(group, "start", "{" + START_FIELDS + "," + options + "}", 400, "InvalidOptions",
                    "'reversible'"));
        }
        return calls;
    }

    static List<BadCall> wrongTypes() {
        String group = "wrong types";
        List<BadCall> calls = new ArrayList<>();
        wrongType(calls, group, "{\"source\":%s,\"destination\":\"cluster1\"}", "source", NOT_A_STRING);
        wrongType(calls, group, "{\"source\":\"cluster0\",\"destination\":%s}", "destination", NOT_A_STRING);
        wrongType(calls, group, start("\"reversible\":%s"), "reversible", NOT_A_BOOLEAN);
        wrongType(calls, group, start("\"enableUserWriteBlocking\":%s"), "enableUserWriteBlocking",
                NOT_A_BOOLEAN_OR_STRING);
        wrongType(calls, group, start("\"buildIndexes\":%s"), "buildIndexes", NOT_A_STRING);
        wrongType(calls, group, start("\"verification\":%s"), "verification", NOT_AN_OBJECT);
        wrongType(calls, group, start("\"verification\":{\"enabled\":%s}"), "enabled", NOT_A_BOOLEAN);
        for (String filters : List.of("includeNamespaces", "excludeNamespaces")) {
            wrongType(calls, group, start("\"" + filters + "\":%s"), filters, NOT_AN_ARRAY);
            wrongType(calls, group, start("\"" + filters + "\":[%s]"), filters, NOT_AN_OBJECT);
            wrongType(calls, group, filter(filters, "{\"database\":%s}"), "database", NOT_A_STRING);
            wrongType(calls, group, filter(filters, "{\"database\":\"db\",\"collections\":%s}"), "collections",
                    NOT_AN_ARRAY);
            wrongType(calls, group, filter(filters, "{\"database\":\"db\",\"collections\":[\"a\",%s]}"), "collections",
                    NOT_A_STRING);
            wrongType(calls, group, filter(filters, "{\"databaseRegex\":%s}"), "databaseRegex", NOT_AN_OBJECT);
            wrongType(calls, group, filter(filters, "{\"databaseRegex\":{\"pattern\":%s}}"), "pattern", NOT_A_STRING);
            wrongType(calls, group, filter(filters, "{\"databaseRegex\":{\"pattern\":\"^a\",\"options\":%s}}"),
                    "options", NOT_A_STRING);
            wrongType(calls, group, filter(filters, "{\"database\":\"db\",\"collectionsRegex\":%s}"),
                    "collectionsRegex", NOT_AN_OBJECT);
            wrongType(calls, group, filter(filters, "{\"database\":\"db\",\"collectionsRegex\":{\"pattern\":%s}}"),
                    "pattern", NOT_A_STRING);
        }
        return calls;
    }

    static List<BadCall> unknownFields() {
        String group = "unknown fields";
        List<BadCall> calls = new ArrayList<>();
        Map<String, String> startBodies = Map.of(
                "reversable", start("\"reversable\":true"),
                "Source", "{\"Source\":\"cluster0\",\"destination\":\"cluster1\"}",
                "includeNamespace", start("\"includeNamespace\":[]"),
                "force", start("\"force\":true"),
                "", start("\"\":1"),
                "verification.mode", start("\"verification\":{\"enabled\":true,\"mode\":\"full\"}"),
                "includeNamespaces[0].colections",
                filter("includeNamespaces", "{\"database\":\"db\",\"colections\":[\"a\"]}"),
                "excludeNamespaces[0].db", filter("excludeNamespaces", "{\"db\":\"x\"}"),
                "includeNamespaces[0].databaseRegex.flags",
                filter("includeNamespaces", "{\"databaseRegex\":{\"pattern\":\"a\",\"flags\":\"i\"}}"),
                "excludeNamespaces[0].collectionsRegex.regex",
                filter("excludeNamespaces", "{\"database\":\"d\",\"collectionsRegex\":{\"regex\":\"a\"}}"));
        startBodies.forEach((field, body) -> calls.add(
                BadCall.post(group, "start", body, 400, INVALID_REQUEST, "unknown field '" + field + "'")));
        for (String call : POST_CALLS.subList(1, POST_CALLS.size())) {
            calls.add(BadCall.post(group, call, "{\"force\":true}", 400, INVALID_REQUEST, "'force'"));
            calls.add(BadCall.post(group, call, "{\"source\":null}", 400, INVALID_REQUEST, "'source'"));
        }
        return calls;
    }

    static List<BadCall> invalidJson() {
        String group = "invalid JSON";
        List<BadCall> calls = new ArrayList<>();
        for (String call : POST_CALLS) {
            for (String body : List.of("", "{", "}", "not json", "[]", "null", "42", "\"text\"", "{} {}",
                    "{\"a\":1,\"a\":2}", "{'source':'cluster0'}", "{\"source\":}", "{\"source\":\"cluster0\",}")) {
                calls.add(BadCall.post(group, call, body, 400, INVALID_REQUEST, null));
            }
            calls.add(BadCall.post(group, call, null, 400, INVALID_REQUEST, "{}"));
        }
        return calls;
    }

    static List<BadCall> invalidRegexes() {
        String group = "invalid regexes";
        List<BadCall> calls = new ArrayList<>();
        for (String pattern : List.of("(", "[a-", "*a", "a{2,1}", "(?<n>a)(?<n>b)", "\\\\", "a)", "")) {
            calls.add(BadCall.post(group, "start", filter("includeNamespaces",
                    "{\"databaseRegex\":{\"pattern\":\"" + pattern + "\"}}"), 400, INVALID_REQUEST, "regex"));
            calls.add(BadCall.post(group, "start", filter("excludeNamespaces",
                    "{\"database\":\"db\",\"collectionsRegex\":{\"pattern\":\"" + pattern + "\"}}"), 400,
                    INVALID_REQUEST, "regex"));
        }
        for (String options : List.of("g", "q", "iu", "I")) {
            calls.add(BadCall.post(group, "start", filter("includeNamespaces",
                    "{\"databaseRegex\":{\"pattern\":\"^a\",\"options\":\"" + options + "\"}}"), 400,
                    INVALID_REQUEST, "option"));
        }
        return calls;
    }

    static List<BadCall> invalidFilters() {
        String group = "invalid filters";
        List<BadCall> calls = new ArrayList<>();
        Map<String, String> filters = Map.of(
                "{}", "'database'",
                "{\"database\":\"\"}", "'database'",
                "{\"database\":\"a.b\"}", "'database'",
                "{\"database\":\"db\",\"databaseRegex\":{\"pattern\":\"a\"}}", "'databaseRegex'",
                "{\"database\":\"db\",\"collections\":[]}", "'collections'",
                "{\"database\":\"db\",\"collections\":[\"\"]}", "'collections'",
                "{\"database\":\"db\",\"collections\":[null]}", "'collections'",
                "{\"database\":\"db\",\"collections\":[\"a\"],\"collectionsRegex\":{\"pattern\":\"a\"}}",
                "'collectionsRegex'",
                "null", "null");
        for (String filters0 : List.of("includeNamespaces", "excludeNamespaces")) {
            filters.forEach((filter, mentions) -> calls.add(
                    BadCall.post(group, "start", filter(filters0, filter), 400, INVALID_REQUEST, mentions)));
        }
        return calls;
    }

    static List<BadCall> badClusterNames() {
        String group = "bad cluster names";
        List<BadCall> calls = new ArrayList<>();
        for (String name : List.of("cluster2", "Cluster0", "cluster0 ", "", "c0", "mongodb://h:27017", "0",
                "cluster01", "CLUSTER1")) {
            calls.add(BadCall.post(group, "start", "{\"source\":\"" + name + "\",\"destination\":\"cluster1\"}", 400,
                    "InvalidClusterName", "'source'"));
            calls.add(BadCall.post(group, "start", "{\"source\":\"cluster1\",\"destination\":\"" + name + "\"}", 400,
                    "InvalidClusterName", "'destination'"));
        }
        for (String same : List.of("cluster0", "cluster1")) {
            calls.add(BadCall.post(group, "start", "{\"source\":\"" + same + "\",\"destination\":\"" + same + "\"}",
                    400, "InvalidClusterName", "must differ"));
        }
        calls.add(BadCall.post(group, "start", "{\"destination\":\"cluster1\"}", 400, INVALID_REQUEST, "'source'"));
        calls.add(BadCall.post(group, "start", "{\"source\":\"cluster0\"}", 400, INVALID_REQUEST, "'destination'"));
        calls.add(BadCall.post(group, "start", "{\"source\":null,\"destination\":\"cluster1\"}", 400, INVALID_REQUEST,
                "'source'"));
        calls.add(BadCall.post(group, "start", "{}", 400, INVALID_REQUEST, "'source'"));
        return calls;
    }

    static List<BadCall> badValues() {
        String group = "bad values";
        List<BadCall> calls = new ArrayList<>();
        for (String value : List.of("sometimes", "AfterDataCopy", "", "after")) {
            calls.add(BadCall.post(group, "start", start("\"buildIndexes\":\"" + value + "\""), 400, INVALID_REQUEST,
                    "'buildIndexes'"));
        }
        for (String value : List.of("maybe", "SourceAndDestination", "", "source")) {
            calls.add(BadCall.post(group, "start", start("\"enableUserWriteBlocking\":\"" + value + "\""), 400,
                    INVALID_REQUEST, "'enableUserWriteBlocking'"));
        }
        return calls;
    }

    static List<BadCall> wrongMethods() {
        String group = "wrong methods";
        List<BadCall> calls = new ArrayList<>();
        Map<String, String> endpoints = Map.of("/api/v1/start", "POST", "/api/v1/pause", "POST", "/api/v1/resume",
                "POST", "/api/v1/commit", "POST", "/api/v1/reverse", "POST", "/api/v1/progress", "GET", "/", "GET",
                "/metrics", "GET", "/page/status", "GET", "/assets/progress.js", "GET");
        endpoints.forEach((path, method) -> {
            for (String wrong : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                if (!wrong.equals(method)) {
                    calls.add(new BadCall(group, wrong, path, Map.of(), wrong.equals("GET") ? null : "{}", 405,
                            "MethodNotAllowed", path));
                }
            }
        });
        return calls;
    }

    static List<BadCall> unknownPaths() {
        String group = "unknown paths";
        List<BadCall> calls = new ArrayList<>();
        for (String path : List.of("/api/v1/", "/api/v1", "/api/v1/stop", "/api/v1/Start", "/api/v1/start/",
                "/api/v2/progress", "/api/v1/progress/x", "/api", "/metrics/", "/favicon.ico", "/api/v1//progress",
                "/api/v1/pause2")) {
            calls.add(new BadCall(group, "GET", path, Map.of(), null, 404, "NotFound", path));
            calls.add(new BadCall(group, "POST", path, Map.of(), "{}", 404, "NotFound", path));
        }
        return calls;
    }

    static List<BadCall> wrongContentTypes() {
        String group = "wrong content types";
        List<BadCall> calls = new ArrayList<>();
        for (String call : POST_CALLS) {
            for (String type : List.of("application/xml", "text/xml", "multipart/form-data; boundary=x",
                    "application/octet-stream", "text/html", "application/json; charset=ISO-8859-1",
                    "application/yaml")) {
                calls.add(new BadCall(group, "POST", "/api/v1/" + call, Map.of("Content-Type", type),
                        call.equals("start") ? VALID_START : "{}", 400, INVALID_REQUEST, "Content-Type"));
            }
        }
        return calls;
    }

    private static void wrongType(List<BadCall> calls, String group, String template, String field,
            List<String> wrongValues) {
        for (String value : wrongValues) {
            calls.add(BadCall.post(group, "start", template.formatted(value), 400, INVALID_REQUEST, field));
        }
    }

    private static String start(String moreFields) {
        return "{" + START_FIELDS + "," + moreFields + "}";
    }

    private static String filter(String filters, String filter) {
        return start("\"" + filters + "\":[" + filter + "]");
    }
}
