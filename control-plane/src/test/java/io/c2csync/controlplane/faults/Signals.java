package io.c2csync.controlplane.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** POSIX signals the JDK cannot send: freezing a process ({@code SIGSTOP}) and letting it go on ({@code SIGCONT}). */
public final class Signals {
    private Signals() {
    }

    /** {@code kill -STOP pid}: the process keeps its sockets but answers nothing, as a hung JVM. */
    public static void stop(ProcessHandle process) {
        send("-STOP", process);
    }

    public static void resume(ProcessHandle process) {
        send("-CONT", process);
    }

    private static void send(String signal, ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill " + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal, e);
        }
    }
}
