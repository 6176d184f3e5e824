package io.c2csync.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Arrays;

/**
 * Entry point of every child JVM: runs the real main class and exits when the parent goes away.
 * The parent holds the write end of the child's stdin; when the parent dies (even by kill -9) the
 * pipe closes, the read here returns end-of-stream and the child exits through its own shutdown
 * hooks. So a child never outlives the runtime that started it. With the system property
 * {@value #EXIT_AFTER_PID_FILE_PROPERTY} naming a file that holds a pid, the child waits (at most
 * {@value #EXIT_AFTER_WAIT_SECONDS} s) for that process to exit first: the broker outlives the
 * Connect worker, which flushes its offsets to it while stopping.
 *
 * <p>Usage: {@code java ... io.c2csync.runtime.ExitWithParent <main class> [args...]}
 */
public final class ExitWithParent {

    static final int PARENT_GONE_EXIT_CODE = 143;
    static final String EXIT_AFTER_PID_FILE_PROPERTY = "c2c.exitAfterPidIn";
    static final int EXIT_AFTER_WAIT_SECONDS = 30;
    /**
     * How long the child's shutdown hooks may run after its parent is gone. Shorter than the broker's wait for the
     * worker, so a worker whose graceful stop blocks (e.g. on a broker that is gone) cannot outlive it: it halts.
     */
    static final int SHUTDOWN_HOOKS_LIMIT_SECONDS = 25;

    private ExitWithParent() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("Usage: ExitWithParent <main class> [args...]");
        }
        Thread watcher = new Thread(ExitWithParent::exitAtEndOfStdin, "exit-with-parent");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitAtEndOfStdin() {
        InputStream stdin = System.in;
        try {
            while (stdin.read() != -1) {
                // the parent never writes; anything it does write is ignored
            }
            System.err.println("Parent process is gone; exiting");
        } catch (IOException e) {
            System.err.println("Lost the pipe to the parent process (" + e + "); exiting");
        }
        awaitExitOfProcessInPidFile();
        haltIfShutdownHooksOverrun();
        System.exit(PARENT_GONE_EXIT_CODE);
    }

    private static void haltIfShutdownHooksOverrun() {
        Thread halter = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(SHUTDOWN_HOOKS_LIMIT_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.println("Shutdown hooks still running after " + SHUTDOWN_HOOKS_LIMIT_SECONDS + " s; halting");
            Runtime.getRuntime().halt(PARENT_GONE_EXIT_CODE);
        }, "exit-with-parent-halt");
        halter.setDaemon(true);
        halter.start();
    }

    private static void awaitExitOfProcessInPidFile() {
        String pidFile = System.getProperty(EXIT_AFTER_PID_FILE_PROPERTY);
        if (pidFile == null || !Files.exists(Path.of(pidFile))) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(Path.of(pidFile)).trim());
            Optional<ProcessHandle> first = ProcessHandle.of(pid);
            if (first.isPresent()) {
                System.err.println("Waiting for pid " + pid + " to exit first");
                first.get().onExit().get(EXIT_AFTER_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (IOException | NumberFormatException | ExecutionException | TimeoutException e) {
            System.err.println("Not waiting any more for the process in " + pidFile + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("Interrupted while waiting for the process in " + pidFile);
        }
    }
}
