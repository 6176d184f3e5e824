package io.c2csync.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The files of one run: its folder (fresh, or the durable one) and the configuration files written into it. */
final class RunFiles {

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    static final String DURABLE_DIR = "data";

    private RunFiles() {
    }

    static Path createRunDir(Path workDir) {
        String name = "run-" + RUN_NAME.format(LocalDateTime.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            return Files.createDirectories(workDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the run folder under " + workDir, e);
        }
    }

    /** The one data folder of a durable runtime, created at its first start. */
    static Path createDurableDir(Path workDir) {
        try {
            return Files.createDirectories(workDir.resolve(DURABLE_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder under " + workDir, e);
        }
    }

    /** {@code file}, removed if it was there (a leftover of an earlier run). */
    static Path deleted(Path file) {
        try {
            Files.deleteIfExists(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }

    /** A Java properties file, in the map's order. */
    static Path writeProperties(Path file, Map<String, String> properties) {
        String text = properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + escape(entry.getKey(), entry.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        return writeString(file, text);
    }

    static Path writeString(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String escape(String key, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("Property " + key + " must be one line, was: " + value);
        }
        return value.replace("\\", "\\\\");
    }
}
