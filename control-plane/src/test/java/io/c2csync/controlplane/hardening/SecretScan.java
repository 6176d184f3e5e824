package io.c2csync.controlplane.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where a secret shows up: in files (any bytes, logs and binary data alike) or in texts. */
final class SecretScan {
    private final byte[] secret;
    private final List<String> foundIn = new ArrayList<>();
    private int filesScanned;

    SecretScan(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Scans every regular file under {@code root}. */
    SecretScan files(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(this::file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
        return this;
    }

    SecretScan file(Path file) {
        filesScanned++;
        try {
            if (contains(Files.readAllBytes(file))) {
                foundIn.add(file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return this;
    }

    SecretScan text(String where, String text) {
        if (contains(text.getBytes(StandardCharsets.UTF_8))) {
            foundIn.add(where);
        }
        return this;
    }

    List<String> foundIn() {
        return List.copyOf(foundIn);
    }

    int filesScanned() {
        return filesScanned;
    }

    private boolean contains(byte[] content) {
        outer:
        for (int i = 0; i <= content.length - secret.length; i++) {
            for (int j = 0; j < secret.length; j++) {
                if (content[i + j] != secret[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
