package io.c2csync.controlplane.hardening;

import java.util.Map;

/**
 * One malformed or out-of-order request and the contract's answer to it.
 *
 * @param path absolute on the server, e.g. {@code /api/v1/start}
 * @param body null sends none
 * @param mentions what the error description must name (the field, the state, ...), or null
 */
record BadCall(String group, String method, String path, Map<String, String> headers, String body, int status,
        String error, String mentions) {

    static BadCall post(String group, String call, String body, int status, String error, String mentions) {
        return new BadCall(group, "POST", "/api/v1/" + call, Map.of(), body, status, error, mentions);
    }

    /** What the test is called: the request, shortened. */
    String displayName() {
        String shownBody = body == null ? "" : " " + (body.length() > 90 ? body.substring(0, 90) + "..." : body);
        String shownHeaders = headers.isEmpty() ? "" : " " + headers;
        return method + " " + path + shownHeaders + shownBody + " -> " + status + " " + error;
    }

    /** Identifies the request, so that a table counts each distinct one once. */
    String key() {
        return method + " " + path + " " + headers + " " + body;
    }
}
