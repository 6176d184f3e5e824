package io.c2csync.runtime;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how long a lifecycle step took: "Starting Kafka broker took 3120 ms". */
final class LifecycleLog {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleLog.class);

    private LifecycleLog() {
    }

    static <T> T timed(String step, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        LOG.info("{} took {} ms", step, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    static void timed(String step, Runnable action) {
        timed(step, () -> {
            action.run();
            return null;
        });
    }
}
