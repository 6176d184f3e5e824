package io.c2csync.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of {@code POST /start} as mongosync defines it; null means "not given". */
record StartRequest(
        String source,
        String destination,
        Boolean reversible,
        JsonNode enableUserWriteBlocking,
        List<Filter> includeNamespaces,
        List<Filter> excludeNamespaces,
        String buildIndexes,
        Verification verification) {

    record Filter(String database, List<String> collections, Regex databaseRegex, Regex collectionsRegex) {
    }

    record Regex(String pattern, String options) {
    }

    record Verification(Boolean enabled) {
    }
}
