package io.c2csync.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the child JVMs of one run and owns them: {@link #close()} stops them in the reverse order of
 * their names' first start (a broker restarted after the worker still stops after it).
 */
final class ChildLauncher implements AutoCloseable {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    private final RuntimeConfig config;
    private final Path runDir;
    private final Path log4jConfig;
    private final Map<String, List<ChildProcess>> childrenByName = new LinkedHashMap<>();
    private volatile boolean closing;

    ChildLauncher(RuntimeConfig config, Path runDir) {
        this.config = config;
        this.runDir = runDir;
        this.log4jConfig = ChildLogConfig.write(runDir);
    }

    Path runDir() {
        return runDir;
    }

    RuntimeConfig config() {
        return config;
    }

    synchronized ChildProcess start(String name, String mainClass, List<String> args, String logFileName) {
        return start(name, mainClass, args, logFileName, List.of());
    }

    synchronized ChildProcess start(String name, String mainClass, List<String> args, String logFileName,
            List<String> extraJvmOptions) {
        if (closing) {
            throw new IllegalStateException("Not starting " + name + ": the runtime in " + runDir + " is stopping");
        }
        List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xmx" + config.childMaxHeap(),
                EXIT_ON_OOM,
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig.toUri()));
        jvmOptions.addAll(extraJvmOptions);
        ChildJvm jvm = new ChildJvm(name, mainClass, args, jvmOptions, runDir.resolve(logFileName),
                config.stopTimeout());
        ChildProcess child = jvm.start(config.buildOutput());
        childrenByName.computeIfAbsent(name, key -> new ArrayList<>()).add(child);
        return child;
    }

    synchronized List<ProcessHandle> processTrees() {
        return childrenByName.values().stream()
                .flatMap(List::stream)
                .flatMap(child -> child.processTree().stream())
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    /** True once {@link #close()} began: children exiting from now on were asked to. */
    boolean isClosing() {
        return closing;
    }

    @Override
    public synchronized void close() {
        closing = true;
        List<List<ChildProcess>> byName = new ArrayList<>(childrenByName.values());
        for (int i = byName.size() - 1; i >= 0; i--) {
            for (ChildProcess child : byName.get(i)) {
                if (child.isAlive()) {
                    LifecycleLog.timed("Stopping " + child.name(), child::close);
                }
            }
        }
    }
}
