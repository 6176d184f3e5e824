package io.c2csync.controlplane.verify;

/** A run stopped on request ({@link VerificationProgress#cancel()}) before it finished; it has no result. */
public final class VerificationCancelledException extends RuntimeException {

    VerificationCancelledException() {
        super("the verification was stopped before it finished");
    }
}
