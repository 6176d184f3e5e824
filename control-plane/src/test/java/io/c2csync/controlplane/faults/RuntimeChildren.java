package io.c2csync.controlplane.faults;

import java.net.URI;

/**
 * The embedded runtime of the running control plane: the broker's bootstrap address, the Connect REST URL (both
 * from {@code <work-dir>/<id>/runtime/data/runtime-identity.properties}, the same after every restart) and the
 * broker's and worker's processes (children of the control plane, found by their main class).
 */
public record RuntimeChildren(String bootstrapServers, URI connectUrl, ProcessHandle broker, ProcessHandle worker) {
    static final String BROKER_MAIN = "io.c2csync.runtime.FormatAndRunBroker";
    static final String WORKER_MAIN = "org.apache.kafka.connect.cli.ConnectDistributed";

    /** The full command line of a child, as {@code ps} shows it. */
    public static String commandLine(ProcessHandle process) {
        return process.info().commandLine()
                .orElseGet(() -> process.info().command().orElse("?") + " "
                        + String.join(" ", process.info().arguments().orElse(new String[0])));
    }
}
