package io.c2csync.runtime;

import java.nio.file.Path;

/** A child JVM died or did not become ready; the message carries its first errors and the end of its log. */
public class ChildProcessException extends RuntimeException {

    static final int LOG_LINES = 30;

    private static final long serialVersionUID = 1L;

    ChildProcessException(String problem, Path logFile, Throwable cause) {
        super(problem + System.lineSeparator() + LogTail.describe(logFile, LOG_LINES), cause);
    }
}
