package io.c2csync.controlplane.verify;

/** The verification could not be carried out (not: the clusters differ; that is a result). */
public final class VerificationException extends RuntimeException {

    VerificationException(String message) {
        super(message);
    }
}
