package io.c2csync.controlplane.verify;

import java.util.List;

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
}
