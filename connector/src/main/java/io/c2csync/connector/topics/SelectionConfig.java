package io.c2csync.connector.topics;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * A sync group's namespace filters in connector configs, the same on both sides: the source
 * copies and streams what they select; the sink drops only the selected collections on
 * dropDatabase. The sink also knows the whole sync's filters: a rename between two of its groups
 * is met by both groups' sinks, a rename out of or into the sync is refused.
 */
public final class SelectionConfig {

  public static final String INCLUDE_NAMESPACES = "c2c.include.namespaces";
  public static final String EXCLUDE_NAMESPACES = "c2c.exclude.namespaces";
  /** The whole sync's filters (every group's namespaces); without them the sync is this one group. */
  public static final String SYNC_INCLUDE_NAMESPACES = "c2c.sync.include.namespaces";
  public static final String SYNC_EXCLUDE_NAMESPACES = "c2c.sync.exclude.namespaces";

  private SelectionConfig() {}

  /** Adds both keys, documented and validated, to a connector's ConfigDef. */
  public static ConfigDef define(ConfigDef def) {
    return def
        .define(INCLUDE_NAMESPACES, Type.STRING, "[]", (name, value) -> validate(name, (String) value),
            Importance.HIGH, "mongosync includeNamespaces filters as a JSON array; none = every user namespace")
        .define(EXCLUDE_NAMESPACES, Type.STRING, "[]", (name, value) -> validate(name, (String) value),
            Importance.HIGH, "mongosync excludeNamespaces filters as a JSON array, applied after the includes")
        .define(SYNC_INCLUDE_NAMESPACES, Type.STRING, null, (name, value) -> validate(name, (String) value),
            Importance.MEDIUM, "The whole sync's includeNamespaces (all its groups), for renames between groups; "
                + "unset = this group's")
        .define(SYNC_EXCLUDE_NAMESPACES, Type.STRING, null, (name, value) -> validate(name, (String) value),
            Importance.MEDIUM, "The whole sync's excludeNamespaces (all its groups); unset = this group's");
  }

  public static NamespaceSelection read(Map<String, String> props) {
    return new NamespaceSelection(filters(INCLUDE_NAMESPACES, props.get(INCLUDE_NAMESPACES)),
        filters(EXCLUDE_NAMESPACES, props.get(EXCLUDE_NAMESPACES)));
  }

  public static void write(NamespaceSelection selection, Map<String, String> config) {
    config.put(INCLUDE_NAMESPACES, NamespaceFiltersJson.format(selection.includes()));
    config.put(EXCLUDE_NAMESPACES, NamespaceFiltersJson.format(selection.excludes()));
  }

  /** The whole sync's namespaces; the group's own when the sync-wide keys are not set (a sync of one group). */
  public static NamespaceSelection readSync(Map<String, String> props) {
    if (!props.containsKey(SYNC_INCLUDE_NAMESPACES) && !props.containsKey(SYNC_EXCLUDE_NAMESPACES)) {
      return read(props);
    }
    return new NamespaceSelection(filters(SYNC_INCLUDE_NAMESPACES, props.get(SYNC_INCLUDE_NAMESPACES)),
        filters(SYNC_EXCLUDE_NAMESPACES, props.get(SYNC_EXCLUDE_NAMESPACES)));
  }

  public static void writeSync(NamespaceSelection selection, Map<String, String> config) {
    config.put(SYNC_INCLUDE_NAMESPACES, NamespaceFiltersJson.format(selection.includes()));
    config.put(SYNC_EXCLUDE_NAMESPACES, NamespaceFiltersJson.format(selection.excludes()));
  }

  private static void validate(String key, String value) {
    try {
      filters(key, value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static List<NamespaceFilter> filters(String key, String json) {
    try {
      return NamespaceFiltersJson.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }
}
