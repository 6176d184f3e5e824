package io.c2csync.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The reply bodies of the contract. */
final class Replies {
    private Replies() {
    }

    record Success(boolean success) {
        static final Success INSTANCE = new Success(true);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Failure(boolean success, String error, String errorDescription) {
    }

    record Progress(boolean success, ProgressBody progress) {
    }
}
