package io.c2csync.controlplane.api;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium in headless mode, one process per page load, each with a fresh profile. Tests
 * using it are skipped where chromium is missing, unless {@code -Dc2c.browser.required=true}
 * (set by {@code .ci/run}) makes that a failure.
 */
final class HeadlessChromium {
    private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;
    private final Path workDirectory;

    private HeadlessChromium(Path binary, Path workDirectory) {
        this.binary = binary;
        this.workDirectory = workDirectory;
    }

    static HeadlessChromium findOrSkip(Path workDirectory) {
        String configured = System.getenv("C2C_CHROMIUM");
        Path binary = configured == null ? DEFAULT_BINARY : Path.of(configured);
        if (!Files.isExecutable(binary)) {
            String missing = "chromium is not installed at " + binary + " (apt-get install -y chromium)";
            if (Boolean.getBoolean("c2c.browser.required")) {
                fail(missing);
            }
            assumeTrue(false, missing);
        }
        return new HeadlessChromium(binary, workDirectory);
    }

    /** The DOM after the page's scripts ran for five seconds of virtual time. */
    String dumpDom(URI page) {
        Path output = workDirectory.resolve("dom-" + System.nanoTime() + ".html");
        run(page, output, List.of("--dump-dom"));
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void screenshot(URI page, Path png, int width, int height) {
        run(page, workDirectory.resolve("screenshot-" + System.nanoTime() + ".log"),
                List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                        "--hide-scrollbars"));
    }

    private void run(URI page, Path stdout, List<String> action) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--virtual-time-budget=5000",
                "--user-data-dir=" + workDirectory.resolve("profile-" + System.nanoTime())));
        command.addAll(action);
        command.add(page.toString());
        Path stderr = stdout.resolveSibling(stdout.getFileName() + ".stderr");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                            + Files.readString(stderr));
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(stderr));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium loaded " + page, e);
        }
    }
}
