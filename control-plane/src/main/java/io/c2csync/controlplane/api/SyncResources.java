package io.c2csync.controlplane.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.sync.ApiCall;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import io.c2csync.controlplane.telemetry.SyncTelemetry;
import java.util.LinkedHashMap;
import java.util.Map;

/** The endpoints of {@code /api/v1/}, each a thin call into the {@link SyncCoordinator}. */
final class SyncResources {
    static final String BASE_PATH = "/api/v1/";

    private SyncResources() {
    }

    /** {@code /progress} answers through the telemetry, so that the metrics show what it showed. */
    static Map<String, Endpoint> endpoints(SyncCoordinator coordinator, SyncTelemetry telemetry, JsonCodec json) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put(path(ApiCall.START), new Endpoint("POST", body -> {
            coordinator.start(StartRequestMapper.toSpec(json.bind(body, StartRequest.class, "start")));
            return Replies.Success.INSTANCE;
        }));
        endpoints.put(path(ApiCall.PROGRESS), new Endpoint("GET",
                body -> new Replies.Progress(true, ProgressBody.of(telemetry.refresh()))));
        endpoints.put(path(ApiCall.PAUSE), withoutParameters(ApiCall.PAUSE, coordinator::pause));
        endpoints.put(path(ApiCall.RESUME), withoutParameters(ApiCall.RESUME, coordinator::resume));
        endpoints.put(path(ApiCall.COMMIT), withoutParameters(ApiCall.COMMIT, coordinator::commit));
        endpoints.put(path(ApiCall.REVERSE), withoutParameters(ApiCall.REVERSE, coordinator::reverse));
        return endpoints;
    }

    private static String path(ApiCall call) {
        return BASE_PATH + call.pathName();
    }

    private static Endpoint withoutParameters(ApiCall call, Runnable action) {
        return new Endpoint("POST", body -> {
            rejectParameters(call, body);
            action.run();
            return Replies.Success.INSTANCE;
        });
    }

    private static void rejectParameters(ApiCall call, ObjectNode body) {
        if (!body.isEmpty()) {
            throw new SyncException(SyncError.INVALID_REQUEST, "unknown field '" + body.fieldNames().next()
                    + "' in /" + call.pathName() + "; it takes no parameters, send {}");
        }
    }
}
