package io.c2csync.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running child JVM: its liveness, its log, and a stop that leaves no process behind. */
public final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration stopTimeout;

    ChildProcess(String name, Process process, Path logFile, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process and everything it started that is still running. */
    public List<ProcessHandle> processTree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Throws with the end of the log if the process has exited. */
    public void ensureAlive() {
        if (!process.isAlive()) {
            throw exitFailure();
        }
    }

    ChildProcessException exitFailure() {
        return new ChildProcessException(name + " exited with code " + process.exitValue(), logFile, null);
    }

    /**
     * Waits until {@code probe} returns true; throws with the end of the log if the process exits
     * first or the timeout passes.
     */
    void awaitReady(String readiness, Duration timeout, Callable<Boolean> probe) {
        try {
            Await.await(readiness, timeout).guardedBy(this::ensureAlive).until(probe);
        } catch (ConditionTimeoutException e) {
            throw new ChildProcessException(name + " did not become ready within " + timeout.toMillis() + " ms",
                    logFile, e);
        }
    }

    /** Kills the process tree at once (SIGKILL, as {@code kill -9}) and waits until it has exited. */
    void kill() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            if (!awaitExit(handle, stopTimeout)) {
                throw new IllegalStateException(name + " (pid " + handle.pid() + ") survived SIGKILL for "
                        + stopTimeout.toMillis() + " ms");
            }
        }
    }

    /** Asks the process tree to stop (SIGTERM), then kills what is still alive after the timeout. */
    @Override
    public void close() {
        List<ProcessHandle> tree = processTree();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            if (!awaitExit(handle, stopTimeout)) {
                LOG.warn("{} (pid {}) did not stop within {} ms; killing it", name, handle.pid(),
                        stopTimeout.toMillis());
                handle.destroyForcibly();
                awaitExit(handle, stopTimeout);
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for pid " + handle.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            return !handle.isAlive();
        }
    }
}
