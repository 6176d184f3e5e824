package io.c2csync.controlplane.connect;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RegexFilter;
import io.c2csync.controlplane.sync.NamePattern;
import io.c2csync.controlplane.sync.SyncSpec;
import java.util.List;

/** The start request's namespace filters in the connector module's terms. */
public final class Selections {
    private Selections() {
    }

    public static NamespaceSelection of(SyncSpec spec) {
        return new NamespaceSelection(convert(spec.includeNamespaces()), convert(spec.excludeNamespaces()));
    }

    private static List<NamespaceFilter> convert(List<io.c2csync.controlplane.sync.NamespaceFilter> filters) {
        return filters.stream().map(f -> new NamespaceFilter(f.database(), f.collections(),
                regex(f.databaseRegex()), regex(f.collectionsRegex()))).toList();
    }

    private static RegexFilter regex(NamePattern pattern) {
        return pattern == null ? null : new RegexFilter(pattern.pattern(), pattern.options());
    }
}
