package io.c2csync.runtime;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Main of the broker child JVM: formats the data folder as a single-node dynamic quorum
 * ({@code kafka-storage format --standalone}) unless it is formatted already (a durable folder at
 * its next start; Kafka recovers its log there after a crash), then runs the broker, in one JVM
 * start.
 *
 * <p>Usage: {@code FormatAndRunBroker <server.properties> <cluster id>}
 */
public final class FormatAndRunBroker {

    private FormatAndRunBroker() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: FormatAndRunBroker <server.properties> <cluster id>");
        }
        String properties = args[0];
        int formatExitCode = StorageTool.execute(
                new String[] {"format", "--config", properties, "--cluster-id", args[1], "--standalone",
                    "--ignore-formatted"}, System.out);
        if (formatExitCode != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed with exit code " + formatExitCode);
        }
        Kafka.main(new String[] {properties});
    }
}
