package io.c2csync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One JFR recording (settings {@code profile}) per JVM, started and stopped through {@code jcmd}. */
final class JfrRecordings implements AutoCloseable {

    private static final String NAME = "c2c-profile";

    private final Map<String, Long> pids;
    private final Map<String, Path> files;
    private boolean stopped;

    private JfrRecordings(Map<String, Long> pids, Map<String, Path> files) {
        this.pids = pids;
        this.files = files;
    }

    /** @param jvms by name, each a process tree whose first process is the JVM */
    static JfrRecordings start(Map<String, List<ProcessHandle>> jvms, Path folder) {
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        JfrRecordings recordings = new JfrRecordings(pids, files);
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, List<ProcessHandle>> jvm : jvms.entrySet()) {
                if (jvm.getValue().isEmpty()) {
                    throw new IllegalStateException("no process for " + jvm.getKey());
                }
                long pid = jvm.getValue().get(0).pid();
                Path file = folder.resolve(jvm.getKey().replaceAll("[^A-Za-z]+", "-") + ".jfr");
                Files.deleteIfExists(file);
                jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file);
                pids.put(jvm.getKey(), pid);
                files.put(jvm.getKey(), file);
            }
        } catch (IOException | RuntimeException e) {
            recordings.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return recordings;
    }

    /** Stops every recording and returns its file by JVM name. */
    Map<String, Path> stop() {
        stopped = true;
        pids.forEach((name, pid) -> jcmd(pid, "JFR.stop", "name=" + NAME));
        return files;
    }

    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            pids.values().forEach(pid -> {
                try {
                    jcmd(pid, "JFR.stop", "name=" + NAME);
                } catch (IllegalStateException e) {
                    System.err.println("Could not stop the recording of " + pid + ": " + e.getMessage());
                }
            });
        }
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + String.join(" ", line), e);
        }
    }
}
