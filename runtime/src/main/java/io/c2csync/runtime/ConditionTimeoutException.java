package io.c2csync.runtime;

/** A condition awaited with {@link Await} did not hold before its deadline. */
public class ConditionTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConditionTimeoutException(String message, Throwable lastFailure) {
        super(message, lastFailure);
    }
}
