package io.c2csync.controlplane.sync;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A regular expression on database or collection names, with MongoDB's option letters. */
public record NamePattern(String pattern, String options) {
    private static final String OPTION_LETTERS = "imsx";

    public NamePattern {
        if (pattern == null || pattern.isEmpty()) {
            throw invalid("a regex filter needs a non-empty 'pattern'");
        }
        options = options == null ? "" : options;
        compile(pattern, options);
    }

    /** The pattern compiled with Java's engine, which accepts the subset MongoDB's PCRE shares with it. */
    public Pattern compiled() {
        return compile(pattern, options);
    }

    private static Pattern compile(String pattern, String options) {
        int flags = 0;
        for (char option : options.toCharArray()) {
            flags |= switch (option) {
                case 'i' -> Pattern.CASE_INSENSITIVE;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'x' -> Pattern.COMMENTS;
                default -> throw invalid("regex option '" + option + "' of pattern '" + pattern
                        + "' is not one of '" + OPTION_LETTERS + "'");
            };
        }
        try {
            return Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            throw invalid("invalid regex '" + pattern + "': " + e.getDescription());
        }
    }

    private static SyncException invalid(String description) {
        return new SyncException(SyncError.INVALID_REQUEST, description);
    }
}
