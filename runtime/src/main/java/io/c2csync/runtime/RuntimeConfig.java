package io.c2csync.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start the embedded runtime. A port of 0 means "choose a free loopback port at start".
 * Each start creates a fresh run folder under {@code workDir}, unless {@code durable}: then every
 * start reuses one data folder under {@code workDir} (Kafka log, Connect's offsets, configs and
 * statuses, the ports and cluster id chosen at the first start).
 */
public record RuntimeConfig(
        Path workDir,
        BuildOutput buildOutput,
        int brokerPort,
        int controllerPort,
        int connectPort,
        String childMaxHeap,
        Duration startTimeout,
        Duration stopTimeout,
        boolean durable) {

    public static final String DEFAULT_CHILD_MAX_HEAP = "512m";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);

    public RuntimeConfig {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(buildOutput, "buildOutput");
        requirePort("brokerPort", brokerPort);
        requirePort("controllerPort", controllerPort);
        requirePort("connectPort", connectPort);
        if (childMaxHeap == null || !childMaxHeap.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException("childMaxHeap must look like 512m, was " + childMaxHeap);
        }
        requirePositive("startTimeout", startTimeout);
        requirePositive("stopTimeout", stopTimeout);
        workDir = workDir.toAbsolutePath().normalize();
    }

    /** Free ports, default heap and timeouts, libraries from the system properties. */
    public static RuntimeConfig defaults(Path workDir) {
        return new RuntimeConfig(workDir, BuildOutput.fromSystemProperties(), 0, 0, 0,
                DEFAULT_CHILD_MAX_HEAP, DEFAULT_START_TIMEOUT, DEFAULT_STOP_TIMEOUT, false);
    }

    public RuntimeConfig withPorts(int broker, int controller, int connect) {
        return new RuntimeConfig(workDir, buildOutput, broker, controller, connect, childMaxHeap, startTimeout,
                stopTimeout, durable);
    }

    /** The same settings, keeping Kafka and Connect data across starts (see the class comment). */
    public RuntimeConfig durableData() {
        return new RuntimeConfig(workDir, buildOutput, brokerPort, controllerPort, connectPort, childMaxHeap,
                startTimeout, stopTimeout, true);
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0 (choose a free port) or 1..65535, was " + port);
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
