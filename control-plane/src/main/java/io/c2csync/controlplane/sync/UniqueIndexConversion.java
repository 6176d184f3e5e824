package io.c2csync.controlplane.sync;

import java.util.List;

/**
 * What converting the destination's recorded unique indexes back to unique did.
 *
 * @param converted {@code db.coll index} of each index made unique
 * @param violations one line per index that could not be made unique, naming the duplicate documents' {@code _id}s
 */
public record UniqueIndexConversion(List<String> converted, List<String> violations) {

    public UniqueIndexConversion {
        converted = List.copyOf(converted);
        violations = List.copyOf(violations);
    }
}
