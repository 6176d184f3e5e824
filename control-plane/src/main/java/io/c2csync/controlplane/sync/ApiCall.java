package io.c2csync.controlplane.sync;

import java.util.Locale;

/** The calls of the API, named as in their paths. */
public enum ApiCall {
    START,
    PROGRESS,
    PAUSE,
    RESUME,
    COMMIT,
    REVERSE;

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
