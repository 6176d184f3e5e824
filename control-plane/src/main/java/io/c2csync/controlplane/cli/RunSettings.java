package io.c2csync.controlplane.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.c2csync.controlplane.ControlPlaneOptions;
import io.c2csync.controlplane.connect.SyncGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of {@code run}, from the flags or from a YAML file with the same keys as the flags
 * (a flag wins over the file). Null means "not given".
 */
record RunSettings(String cluster0, String cluster1, Integer port, String bind, String connectUrl, String id,
        String logPath, String verbosity, String workDir, Integer databaseGroups) {

    static final RunSettings EMPTY = new RunSettings(null, null, null, null, null, null, null, null, null);

    private static final Set<String> KEYS = Set.of("cluster0", "cluster1", "port", "bind", "connect-url", "id",
            "logPath", "verbosity", "work-dir", "database-groups");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,48}");
    private static final Set<String> LEVELS = Set.of("OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");

    /** Without {@code database-groups}. */
    RunSettings(String cluster0, String cluster1, Integer port, String bind, String connectUrl, String id,
            String logPath, String verbosity, String workDir) {
        this(cluster0, cluster1, port, bind, connectUrl, id, logPath, verbosity, workDir, null);
    }

    /** What {@code run} works with: everything required is there, defaults filled in. */
    record Resolved(String cluster0, String cluster1, int port, String bind, URI connectUrl, String id, Path logPath,
            String verbosity, Path workDir, int databaseGroups) {
    }

    static RunSettings read(Path file) {
        Map<String, Object> values;
        try {
            values = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> keys = values == null ? Map.of() : new LinkedHashMap<>(values);
        keys.keySet().stream().filter(key -> !KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("the config file " + file + " has an unknown key '" + key
                    + "'; the keys are " + KEYS);
        });
        return new RunSettings(text(keys, "cluster0"), text(keys, "cluster1"), number(keys, "port", file),
                text(keys, "bind"), text(keys, "connect-url"), text(keys, "id"), text(keys, "logPath"),
                text(keys, "verbosity"), text(keys, "work-dir"), number(keys, "database-groups", file));
    }

    /** Each setting from here, else from {@code file}. */
    RunSettings orElse(RunSettings file) {
        return new RunSettings(first(cluster0, file.cluster0), first(cluster1, file.cluster1), first(port, file.port),
                first(bind, file.bind), first(connectUrl, file.connectUrl), first(id, file.id),
                first(logPath, file.logPath), first(verbosity, file.verbosity), first(workDir, file.workDir),
                first(databaseGroups, file.databaseGroups));
    }

    Resolved resolve() {
        String syncId = first(id, "c2c-sync");
        if (!ID.matcher(syncId).matches()) {
            throw new IllegalArgumentException("--id must be 1-48 characters of A-Z a-z 0-9 _ -, got '" + syncId + "'");
        }
        String level = first(verbosity, "INFO").toUpperCase(java.util.Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("--verbosity must be one of " + LEVELS + ", got '" + verbosity + "'");
        }
        int apiPort = first(port, ControlPlaneOptions.DEFAULT_PORT);
        if (apiPort < 0 || apiPort > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + apiPort);
        }
        int groups = first(databaseGroups, SyncGroups.MAX_DATABASE_GROUPS);
        if (groups < 0 || groups > SyncGroups.MAX_DATABASE_GROUPS) {
            throw new IllegalArgumentException("--database-groups must be 0.." + SyncGroups.MAX_DATABASE_GROUPS
                    + ", got " + groups);
        }
        return new Resolved(required(cluster0, "cluster0"), required(cluster1, "cluster1"), apiPort,
                first(bind, "127.0.0.1"), connectUrl == null ? null : URI.create(connectUrl), syncId,
                logPath == null ? null : Path.of(logPath), level, Path.of(first(workDir, "c2c-sync-work")), groups);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required (a flag, or the key " + name
                    + " in the --config file)");
        }
        return value;
    }

    private static Integer number(Map<String, Object> values, String key, Path file) {
        Object value = values.get(key);
        if (value != null && !(value instanceof Integer)) {
            throw new IllegalArgumentException(key + " in " + file + " must be a number, got '" + value + "'");
        }
        return (Integer) value;
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
