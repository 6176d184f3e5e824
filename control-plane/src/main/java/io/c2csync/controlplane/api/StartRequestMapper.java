package io.c2csync.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.IndexBuild;
import io.c2csync.controlplane.sync.NamePattern;
import io.c2csync.controlplane.sync.NamespaceFilter;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.WriteBlocking;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a {@link StartRequest} into a {@link SyncSpec}, applying the contract's defaults. */
final class StartRequestMapper {
    private StartRequestMapper() {
    }

    static SyncSpec toSpec(StartRequest request) {
        ClusterName source = cluster("source", request.source());
        ClusterName destination = cluster("destination", request.destination());
        if (source == destination) {
            throw new SyncException(SyncError.INVALID_CLUSTER_NAME,
                    "'source' and 'destination' are both \"" + source.apiName() + "\"; they must differ");
        }
        return new SyncSpec(
                new Direction(source, destination),
                Boolean.TRUE.equals(request.reversible()),
                writeBlocking(request.enableUserWriteBlocking()),
                filters(request.includeNamespaces()),
                filters(request.excludeNamespaces()),
                indexBuild(request.buildIndexes()),
                request.verification() == null || !Boolean.FALSE.equals(request.verification().enabled()));
    }

    private static ClusterName cluster(String field, String name) {
        if (name == null) {
            throw new SyncException(SyncError.INVALID_REQUEST, "field '" + field + "' is required");
        }
        return ClusterName.fromApiName(name).orElseThrow(() -> new SyncException(SyncError.INVALID_CLUSTER_NAME,
                "'" + field + "' must be \"cluster0\" or \"cluster1\", got \"" + name + "\""));
    }

    private static WriteBlocking writeBlocking(JsonNode value) {
        if (value == null) {
            return WriteBlocking.DESTINATION_ONLY;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? WriteBlocking.SOURCE_AND_DESTINATION : WriteBlocking.NONE;
        }
        if (value.isTextual()) {
            switch (value.textValue()) {
                case "sourceAndDestination":
                    return WriteBlocking.SOURCE_AND_DESTINATION;
                case "destinationOnly":
                    return WriteBlocking.DESTINATION_ONLY;
                case "none":
                    return WriteBlocking.NONE;
                default:
                    break;
            }
        }
        throw new SyncException(SyncError.INVALID_REQUEST, "'enableUserWriteBlocking' must be true, false, "
                + "\"sourceAndDestination\", \"destinationOnly\" or \"none\", got " + value);
    }

    private static IndexBuild indexBuild(String value) {
        if (value == null) {
            return IndexBuild.AFTER_DATA_COPY;
        }
        return IndexBuild.fromApiName(value).orElseThrow(() -> new SyncException(SyncError.INVALID_REQUEST,
                "'buildIndexes' must be one of " + Arrays.stream(IndexBuild.values())
                        .map(b -> "\"" + b.apiName() + "\"").collect(Collectors.joining(", ")) + ", got \"" + value
                        + "\""));
    }

    private static List<NamespaceFilter> filters(List<StartRequest.Filter> filters) {
        if (filters == null) {
            return List.of();
        }
        if (filters.contains(null)) {
            throw new SyncException(SyncError.INVALID_REQUEST, "a namespace filter must be an object, got null");
        }
        return filters.stream().map(f -> new NamespaceFilter(f.database(), f.collections(),
                pattern(f.databaseRegex()), pattern(f.collectionsRegex()))).toList();
    }

    private static NamePattern pattern(StartRequest.Regex regex) {
        return regex == null ? null : new NamePattern(regex.pattern(), regex.options());
    }
}
