package io.c2csync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The execution samples of one JFR recording: samples per thread (numbers in thread names folded), the methods on
 * top of the stack (self), and the methods of the product's libraries anywhere on it (inclusive).
 */
record ExecutionProfile(int samples, Map<String, Integer> byThread, Map<String, Integer> self, Map<String, Integer> inclusive) {

    private static final List<String> LIBRARIES = List.of("io.c2csync.", "com.mongodb.", "org.bson.", "org.apache.kafka.",
        "de.bwaldvogel.");

    static ExecutionProfile read(Path file) {
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                byThread.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1, Integer::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                }
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (LIBRARIES.stream().anyMatch(method::startsWith) && seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ExecutionProfile(samples, byThread, self, inclusive);
    }

    String describe(String jvm, int top) {
        return "\n== " + jvm + ": " + samples + " execution samples\n"
            + "-- samples by thread\n" + table(byThread, 12)
            + "-- self (top of the stack)\n" + table(self, top)
            + "-- inclusive (methods of io.c2csync, com.mongodb, org.bson, org.apache.kafka, de.bwaldvogel)\n"
            + table(inclusive, top);
    }

    private String table(Map<String, Integer> counts, int rows) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
            .map(e -> String.format("%6d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / Math.max(1, samples), e.getKey()))
            .collect(Collectors.joining());
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
