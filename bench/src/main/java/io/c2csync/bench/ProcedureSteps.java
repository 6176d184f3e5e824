package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The steps of the commit and reverse procedures as the control plane logs them (one JSON object per line):
 * "Commit step 3/8: description" when a step begins and "Commit step 3/8 done in 812 ms" when it is done.
 */
record ProcedureSteps(List<Step> steps) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BEGUN = Pattern.compile("^(Commit|Reverse) step (\\d+)/(\\d+): (.*)$", Pattern.DOTALL);
    private static final Pattern DONE = Pattern.compile("^(Commit|Reverse) step (\\d+)/(\\d+) done in (\\d+) ms$");

    /** One step: "Commit step 3/8", what it does, and how long it took (-1 if the log has no end for it). */
    record Step(String name, String description, long millis) {
    }

    static ProcedureSteps readLog(Path log) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(log)) {
                if (!line.startsWith("{")) {
                    continue;
                }
                String message = JSON.readTree(line).path("message").asText("");
                Matcher begun = BEGUN.matcher(message);
                Matcher done = DONE.matcher(message);
                if (done.matches()) {
                    millis.put(name(done), Long.parseLong(done.group(4)));
                } else if (begun.matches()) {
                    descriptions.put(name(begun), begun.group(4).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the control plane's log " + log, e);
        }
        List<Step> steps = new ArrayList<>();
        descriptions.forEach((name, description) -> steps.add(new Step(name, description, millis.getOrDefault(name, -1L))));
        return new ProcedureSteps(steps);
    }

    private static String name(Matcher matcher) {
        return matcher.group(1) + " step " + matcher.group(2) + "/" + matcher.group(3);
    }

    /** This run's time of the step called {@code name}, or -1. */
    long millisOf(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).mapToLong(Step::millis).findFirst().orElse(-1);
    }
}
