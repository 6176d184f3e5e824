package io.c2csync.controlplane.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c2csync.connector.topics.NamespaceSelection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which namespaces are synced, in mongosync's filter syntax: {@code {"database": "db", "collections": ["a"]}} or
 * {@code databaseRegex} / {@code collectionsRegex} as {@code {"pattern": "...", "options": "..."}}. Include applies
 * first (no include rule: everything), then exclude. System databases, {@code system.*} collections and the marker
 * database of c2c-sync are never synced.
 */
public final class NamespaceFilter {

    /** The database where c2c-sync keeps its own markers; never user data. */
    public static final String MARKER_DATABASE = "__c2c_sync";

    private static final Set<String> NEVER_SYNCED_DATABASES = Set.of("admin", "config", "local", MARKER_DATABASE);
    private static final Set<String> RULE_FIELDS = Set.of("database", "databaseRegex", "collections", "collectionsRegex");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** False when no collection of the database can be selected. */
    private final Predicate<String> databaseMaySelect;
    private final BiPredicate<String, String> selects;

    private NamespaceFilter(Predicate<String> databaseMaySelect, BiPredicate<String, String> selects) {
        this.databaseMaySelect = databaseMaySelect;
        this.selects = selects;
    }

    public static NamespaceFilter all() {
        return new NamespaceFilter(database -> true, (database, collection) -> true);
    }

    /**
     * @param includeJson one JSON filter object per element
     * @throws IllegalArgumentException naming the filter and what is wrong with it
     */
    public static NamespaceFilter parse(List<String> includeJson, List<String> excludeJson) {
        List<Rule> include = parseAll("include", includeJson);
        List<Rule> exclude = parseAll("exclude", excludeJson);
        return new NamespaceFilter(
                database -> include.isEmpty() || include.stream().anyMatch(rule -> rule.matchesDatabase(database)),
                (database, collection) -> (include.isEmpty() || include.stream().anyMatch(rule -> rule.matches(database, collection)))
                        && exclude.stream().noneMatch(rule -> rule.matches(database, collection)));
    }

    /** The namespaces a sync carries, as its connectors select them. */
    public static NamespaceFilter of(NamespaceSelection selection) {
        return new NamespaceFilter(database -> true, selection::selects);
    }

    /** False when no collection of {@code database} can be synced, so the database need not be listed. */
    public boolean mayInclude(String database) {
        return !NEVER_SYNCED_DATABASES.contains(database) && databaseMaySelect.test(database);
    }

    public boolean includes(String database, String collection) {
        return mayInclude(database) && !collection.startsWith("system.") && selects.test(database, collection);
    }

    private static List<Rule> parseAll(String role, List<String> filters) {
        List<Rule> rules = new ArrayList<>();
        for (String filter : filters) {
            try {
                rules.add(Rule.parse(JSON.readTree(filter)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException("bad " + role + " filter " + filter + ": "
                        + (e instanceof JsonProcessingException json ? "not JSON (" + json.getOriginalMessage() + ")" : e.getMessage()), e);
            }
        }
        return rules;
    }

    /** One filter object; a missing part (no collections) matches everything. */
    private record Rule(String database, Pattern databaseRegex, List<String> collections, Pattern collectionsRegex) {

        static Rule parse(JsonNode node) {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a filter is a JSON object such as {\"database\": \"db\", \"collections\": [\"c\"]}");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!RULE_FIELDS.contains(name)) {
                    throw new IllegalArgumentException("unknown field \"" + name + "\"; allowed: " + RULE_FIELDS);
                }
            }
            if (node.has("database") == node.has("databaseRegex")) {
                throw new IllegalArgumentException("exactly one of \"database\" and \"databaseRegex\" is required");
            }
            if (node.has("collections") && node.has("collectionsRegex")) {
                throw new IllegalArgumentException("\"collections\" and \"collectionsRegex\" cannot go together");
            }
            return new Rule(node.has("database") ? text(node, "database") : null, regex(node, "databaseRegex"),
                    node.has("collections") ? names(node.get("collections")) : null, regex(node, "collectionsRegex"));
        }

        boolean matchesDatabase(String name) {
            return database != null ? database.equals(name) : databaseRegex.matcher(name).find();
        }

        boolean matches(String databaseName, String collection) {
            return matchesDatabase(databaseName)
                    && (collections == null || collections.contains(collection))
                    && (collectionsRegex == null || collectionsRegex.matcher(collection).find());
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (!value.isTextual() || value.asText().isEmpty()) {
                throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
            }
            return value.asText();
        }

        private static List<String> names(JsonNode array) {
            if (!array.isArray() || array.isEmpty()) {
                throw new IllegalArgumentException("\"collections\" must be a non-empty array of names");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : array) {
                if (!name.isTextual() || name.asText().isEmpty()) {
                    throw new IllegalArgumentException("\"collections\" must hold non-empty strings, found " + name);
                }
                names.add(name.asText());
            }
            return List.copyOf(names);
        }

        private static Pattern regex(JsonNode node, String field) {
            if (!node.has(field)) {
                return null;
            }
            JsonNode regex = node.get(field);
            if (!regex.isObject() || !regex.has("pattern")) {
                throw new IllegalArgumentException("\"" + field + "\" must be {\"pattern\": \"...\", \"options\": \"...\"}");
            }
            for (Iterator<String> names = regex.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("pattern") && !name.equals("options")) {
                    throw new IllegalArgumentException("unknown field \"" + name + "\" in \"" + field + "\"");
                }
            }
            String pattern = text(regex, "pattern");
            String options = regex.has("options") ? regex.get("options").asText() : "";
            try {
                return Pattern.compile(pattern, flags(field, options));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("\"" + field + "\" pattern is not a valid regular expression: "
                        + e.getDescription(), e);
            }
        }

        private static int flags(String field, String options) {
            int flags = 0;
            for (char option : options.toCharArray()) {
                flags |= switch (option) {
                    case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> Pattern.MULTILINE;
                    case 's' -> Pattern.DOTALL;
                    case 'x' -> Pattern.COMMENTS;
                    default -> throw new IllegalArgumentException("\"" + field + "\" option '" + option
                            + "' is not one of i, m, s, x");
                };
            }
            return flags;
        }
    }
}
