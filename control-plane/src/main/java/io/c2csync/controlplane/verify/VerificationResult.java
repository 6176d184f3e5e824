package io.c2csync.controlplane.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one verification.
 *
 * @param namespaces every namespace on either side that the filter selects, in name order
 * @param firstDifferences the first differences found, at most the run's limit
 * @param differenceCount all differences found, also those beyond the limit
 */
public record VerificationResult(List<NamespaceReport> namespaces, List<Difference> firstDifferences, long differenceCount) {

    public VerificationResult {
        namespaces = List.copyOf(namespaces);
        firstDifferences = List.copyOf(firstDifferences);
    }

    public boolean equal() {
        return differenceCount == 0;
    }

    public long comparedDocuments() {
        return namespaces.stream().mapToLong(NamespaceReport::comparedDocuments).sum();
    }

    /**
     * One line: {@code equal: 3 namespaces, 1200 documents compared}, or the count of differences, the differing
     * namespaces and the first {@code shown} differences with their {@code _id}s.
     */
    public String summary(int shown) {
        if (equal()) {
            return "equal: " + namespaces.size() + " namespaces, " + comparedDocuments() + " documents compared";
        }
        List<String> differing = namespaces.stream().filter(namespace -> namespace.differences() > 0)
                .map(namespace -> namespace.namespace().getFullName()).toList();
        return differenceCount + " differences in " + differing.size() + " of " + namespaces.size() + " namespaces ("
                + String.join(", ", differing) + "); first: " + firstDifferences.stream().limit(shown)
                .map(Difference::describe).collect(Collectors.joining("; "));
    }
}
