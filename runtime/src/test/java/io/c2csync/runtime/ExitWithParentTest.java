package io.c2csync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExitWithParentTest {

    /** A main that would run forever. */
    public static final class Forever {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void childExitsWhenThePipeToItsParentCloses() throws Exception {
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"),
                ExitWithParent.class.getName(), Forever.class.getName()))
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("runs while the parent is there").isFalse();

            child.getOutputStream().close();

            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("exits once the pipe closes").isTrue();
            assertThat(child.exitValue()).isEqualTo(ExitWithParent.PARENT_GONE_EXIT_CODE);
        } finally {
            child.destroyForcibly();
        }
    }
}
