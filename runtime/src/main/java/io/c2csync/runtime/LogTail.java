package io.c2csync.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an error message needs from a child's log: the first ERROR lines (the cause, usually
 * followed by many lines of orderly shutdown) and the last lines.
 */
final class LogTail {

    private static final Pattern ERROR_LINE = Pattern.compile("\\] (ERROR|FATAL) |^Exception in thread|^Error: ");
    private static final int FIRST_ERRORS = 5;

    private final List<String> firstErrors = new ArrayList<>();
    private final Deque<String> lastLines = new ArrayDeque<>();

    private LogTail() {
    }

    static String describe(Path file, int lastLineCount) {
        if (!Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        LogTail tail = new LogTail();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> tail.add(line, lastLineCount));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
        String nl = System.lineSeparator();
        String errors = tail.firstErrors.isEmpty() ? ""
                : "First errors in " + file + ":" + nl + String.join(nl, tail.firstErrors) + nl;
        return errors + "Last " + lastLineCount + " lines of " + file + ":" + nl + String.join(nl, tail.lastLines);
    }

    private void add(String line, int lastLineCount) {
        if (firstErrors.size() < FIRST_ERRORS && ERROR_LINE.matcher(line).find()) {
            firstErrors.add(line);
        }
        if (lastLines.size() == lastLineCount) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }
}
