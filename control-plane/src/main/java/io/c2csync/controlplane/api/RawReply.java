package io.c2csync.controlplane.api;

/** A reply sent as it is, not as JSON: the page, its script, the Prometheus text. */
record RawReply(String contentType, byte[] body) {
}
