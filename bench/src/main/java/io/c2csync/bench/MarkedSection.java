package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The part of a Markdown file between two marker comments, rewritten by a scenario. */
record MarkedSection(String begin, String end) {

    void write(Path file, String markdown) {
        try {
            String text = Files.readString(file);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException(file + " lacks the markers " + begin + " and " + end);
            }
            Files.writeString(file, text.substring(0, from + begin.length()) + "\n\n" + markdown + text.substring(to));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update " + file, e);
        }
    }
}
