package io.c2csync.controlplane.connect;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * How a sync's namespaces are split into sync groups (each its own source connector, topic and
 * sink), a pure function of the filters and the source's databases at the start: one group per
 * database the filters select (the first {@value #MAX_DATABASE_GROUPS} by name), and the group
 * {@value #OTHER_DATABASES} for every other database, above all those created after the start.
 * A database is never split over two groups, so dropDatabase stays inside one; a rename between
 * groups is met by both groups' sinks. Without a database list (a record from before groups per
 * database) the sync is the single group {@value #ALL_NAMESPACES}.
 */
public final class SyncGroups {
    public static final int MAX_DATABASE_GROUPS = 16;
    static final String OTHER_DATABASES = "other";
    static final String ALL_NAMESPACES = "all";
    private static final String DATABASE_PREFIX = "db-";
    private static final int READABLE_LENGTH = 52;
    private static final Pattern GROUP_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]+");

    /** One group: its name (part of the topic and connector names) and the namespaces it carries. */
    public record Group(String name, NamespaceSelection selection) {}

    private SyncGroups() {
    }

    public static List<Group> split(NamespaceSelection sync, Optional<List<String>> databasesAtStart) {
        return split(sync, databasesAtStart, MAX_DATABASE_GROUPS);
    }

    /**
     * As {@link #split(NamespaceSelection, Optional)}, with at most {@code databaseGroups} databases in
     * groups of their own; 0 puts the whole sync into the group {@value #OTHER_DATABASES}.
     */
    public static List<Group> split(NamespaceSelection sync, Optional<List<String>> databasesAtStart,
            int databaseGroups) {
        requireDatabaseGroups(databaseGroups);
        if (databasesAtStart.isEmpty()) {
            return List.of(new Group(ALL_NAMESPACES, sync));
        }
        List<String> grouped = new TreeSet<>(databasesAtStart.get()).stream()
                .filter(database -> sync.selects(database, null))
                .limit(databaseGroups)
                .toList();
        List<Group> groups = new ArrayList<>();
        for (String database : grouped) {
            groups.add(new Group(groupName(database), new NamespaceSelection(within(sync, database), sync.excludes())));
        }
        if (!coversOnlyNamedDatabases(sync, grouped)) {
            List<NamespaceFilter> excludes = new ArrayList<>(sync.excludes());
            grouped.forEach(database -> excludes.add(NamespaceFilter.database(database)));
            groups.add(new Group(OTHER_DATABASES, new NamespaceSelection(sync.includes(), excludes)));
        }
        return List.copyOf(groups);
    }

    /** Throws unless {@code databaseGroups} is 0..{@value #MAX_DATABASE_GROUPS}. */
    public static int requireDatabaseGroups(int databaseGroups) {
        if (databaseGroups < 0 || databaseGroups > MAX_DATABASE_GROUPS) {
            throw new IllegalArgumentException("database groups must be 0.." + MAX_DATABASE_GROUPS + ", got "
                    + databaseGroups);
        }
        return databaseGroups;
    }

    /** The include filters narrowed to one database. */
    private static List<NamespaceFilter> within(NamespaceSelection sync, String database) {
        if (sync.includes().isEmpty()) {
            return List.of(NamespaceFilter.database(database));
        }
        return sync.includes().stream()
                .filter(filter -> filter.matchesDatabase(database))
                .map(filter -> new NamespaceFilter(database, filter.collections(), null, filter.collectionsRegex()))
                .toList();
    }

    /** No database outside {@code grouped} can ever be selected: the includes name each of them. */
    private static boolean coversOnlyNamedDatabases(NamespaceSelection sync, List<String> grouped) {
        Set<String> named = new TreeSet<>();
        for (NamespaceFilter include : sync.includes()) {
            if (include.database() == null) {
                return false;
            }
            named.add(include.database());
        }
        return !named.isEmpty() && grouped.containsAll(named);
    }

    /** {@code db-<name>}, with a checksum of the name when it has characters a group name cannot hold or is long. */
    static String groupName(String database) {
        if (database.length() <= READABLE_LENGTH && GROUP_CHARACTERS.matcher(database).matches()) {
            return DATABASE_PREFIX + database;
        }
        String readable = database.replaceAll("[^A-Za-z0-9_-]", "_");
        CRC32 checksum = new CRC32();
        checksum.update(database.getBytes(StandardCharsets.UTF_8));
        return DATABASE_PREFIX + readable.substring(0, Math.min(readable.length(), READABLE_LENGTH)) + "-"
                + Long.toHexString(checksum.getValue());
    }
}
