package io.c2csync.bench;

/** One measured throughput: what, how many operations, in how many seconds. */
public record Rate(String operation, long operations, double seconds) {

    public double perSecond() {
        return operations / seconds;
    }

    public static Rate time(String operation, long operations, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return new Rate(operation, operations, (System.nanoTime() - start) / 1e9);
    }
}
