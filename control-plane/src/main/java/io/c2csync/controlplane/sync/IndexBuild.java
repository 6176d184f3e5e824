package io.c2csync.controlplane.sync;

import java.util.Arrays;
import java.util.Optional;

/** When indexes are built on the destination (the start option {@code buildIndexes}). */
public enum IndexBuild {
    BEFORE_DATA_COPY("beforeDataCopy"),
    AFTER_DATA_COPY("afterDataCopy"),
    NEVER("never");

    private final String apiName;

    IndexBuild(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<IndexBuild> fromApiName(String name) {
        return Arrays.stream(values()).filter(b -> b.apiName.equals(name)).findFirst();
    }
}
