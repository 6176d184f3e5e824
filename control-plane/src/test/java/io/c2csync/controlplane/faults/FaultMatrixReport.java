package io.c2csync.controlplane.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The fault matrix's report: one line per case and fault — recovery time, duplicates seen, the verifier's
 * differences at the end of the run — printed and appended to {@code target/fault-matrix.md} (started afresh by the
 * first line of each test JVM).
 */
public final class FaultMatrixReport {
    public static final Path FILE = Path.of("target", "fault-matrix.md");
    private static final String HEADER = "| case | fault | recovery s | duplicates | differences at the end |\n"
            + "|---|---|---|---|---|\n";
    private static boolean started;

    private FaultMatrixReport() {
    }

    /**
     * One measured fault.
     *
     * @param recovery   from the fault (or the restart) until a probe written after it was on the destination, or
     *                   until the procedure it interrupted passed the interrupted step (see the case's test)
     * @param duplicates records of the sync's topics carrying an event delivered before ({@link TopicEvents})
     */
    public record Line(String faultCase, String fault, Duration recovery, long duplicates) {
        String format(long differences) {
            return String.format(Locale.ROOT, "| %s | %s | %.1f | %d | %d |", faultCase, fault,
                    recovery.toMillis() / 1000.0, duplicates, differences);
        }
    }

    /** Prints and appends {@code lines}, each with the run's final verifier {@code differences}. */
    public static synchronized void add(List<Line> lines, long differences) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.format(differences)).append('\n');
        }
        System.out.print(text);
        try {
            Files.createDirectories(FILE.getParent());
            if (!started) {
                Files.writeString(FILE, "# Fault matrix\n\n" + HEADER);
                started = true;
            }
            Files.writeString(FILE, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }
}
