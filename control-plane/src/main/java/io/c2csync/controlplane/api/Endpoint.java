package io.c2csync.controlplane.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * One path of the API: its method, and what it does with the request body (null for GET).
 *
 * @param action returns the reply body, or throws a {@link io.c2csync.controlplane.sync.SyncException}
 */
record Endpoint(String method, Function<ObjectNode, Object> action) {
}
