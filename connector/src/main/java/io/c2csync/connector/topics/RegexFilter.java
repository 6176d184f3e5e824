package io.c2csync.connector.topics;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.bson.BsonRegularExpression;

/** mongosync's {@code {"pattern": "...", "options": "..."}}, with MongoDB's $regex options i, m, s, x. */
public record RegexFilter(String pattern, String options) {

  private static final String SUPPORTED_OPTIONS = "imsx";

  public RegexFilter {
    Objects.requireNonNull(pattern, "regex pattern");
    options = options == null ? "" : options;
    for (char option : options.toCharArray()) {
      if (SUPPORTED_OPTIONS.indexOf(option) < 0) {
        throw new IllegalArgumentException(
            "regex option '" + option + "' in /" + pattern + "/" + options + " is not supported (use i, m, s, x)");
      }
    }
    try {
      Pattern.compile(pattern, flags(options));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regex /" + pattern + "/: " + e.getDescription(), e);
    }
  }

  /** Unanchored, like $regex: the value matches if the pattern is found anywhere in it. */
  public boolean matches(String value) {
    return value != null && Pattern.compile(pattern, flags(options)).matcher(value).find();
  }

  public BsonRegularExpression toBson() {
    return new BsonRegularExpression(pattern, options);
  }

  private static int flags(String options) {
    int flags = 0;
    for (char option : options.toCharArray()) {
      flags |= switch (option) {
        case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'm' -> Pattern.MULTILINE;
        case 's' -> Pattern.DOTALL;
        case 'x' -> Pattern.COMMENTS;
        default -> throw new IllegalArgumentException("unsupported regex option '" + option + "'");
      };
    }
    return flags;
  }
}
