package io.c2csync.controlplane.cli;

import io.c2csync.controlplane.demo.DemoClusters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the demo started: its work folder, its two clusters and the sync (embedded runtime +
 * control plane). Closed once, from the command or from the Ctrl-C hook; the work folder goes
 * too unless the demo failed (its logs are then kept for a look).
 */
final class DemoEnvironment implements AutoCloseable {
    private final Path workDir;
    private final DemoClusters clusters;
    private RunningSync sync;
    private boolean removeWorkFolder;
    private boolean closed;

    DemoEnvironment(Path workDir, DemoClusters clusters) {
        this.workDir = workDir;
        this.clusters = clusters;
    }

    DemoClusters clusters() {
        return clusters;
    }

    synchronized RunningSync startSync(RunSettings.Resolved run) {
        sync = RunningSync.start(run);
        return sync;
    }

    /** The walk-through succeeded: nothing in the work folder is needed any more. */
    synchronized void walkedThrough() {
        removeWorkFolder = true;
    }

    /** Something failed: its logs stay in the work folder. */
    synchronized void keepWorkFolder() {
        removeWorkFolder = false;
    }

    /** Stops the sync first (it still talks to the clusters), then the clusters. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (sync != null) {
                sync.close();
            }
        } finally {
            clusters.close();
        }
        if (removeWorkFolder) {
            deleteRecursively(workDir);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the demo's " + file, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the demo's work folder " + directory, e);
        }
    }
}
