package io.c2csync.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: runs the real main class and exits when the parent goes away.
 * The parent holds the write end of the child's stdin; when the parent dies (even by kill -9) the
 * pipe closes, the read here returns end-of-stream and the child exits through its own shutdown
 * hooks. So a child never outlives the runtime that started it.
 *
 * <p>Usage: {@code java ... io.c2csync.runtime.ExitWithParent <main class> [args...]}
 */
public final class ExitWithParent {

    static final int PARENT_GONE_EXIT_CODE = 143;

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
        System.exit(PARENT_GONE_EXIT_CODE);
    }
}
