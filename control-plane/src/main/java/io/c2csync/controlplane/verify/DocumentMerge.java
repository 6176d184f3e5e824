package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;

/**
 * Walks both sides of one collection in {@code _id} order at the same time, like the merge step of a merge sort: an
 * {@code _id} only on the source is missing, one only on the destination is extra, and documents with equal
 * {@code _id}s are compared byte by byte. Holds one document per side at a time, whatever the collection's size.
 */
final class DocumentMerge {

    private final DifferenceCollector differences;

    DocumentMerge(DifferenceCollector differences) {
        this.differences = differences;
    }

    /** Counts of a merged collection. */
    record Counts(long sourceDocuments, long destinationDocuments, long comparedDocuments) {
        Counts plus(Counts other) {
            return new Counts(sourceDocuments + other.sourceDocuments, destinationDocuments + other.destinationDocuments,
                    comparedDocuments + other.comparedDocuments);
        }
    }

    Counts merge(MongoNamespace namespace, OrderedDocuments source, OrderedDocuments destination) {
        long compared = 0;
        while (source.hasCurrent() || destination.hasCurrent()) {
            int order = !source.hasCurrent() ? 1
                    : !destination.hasCurrent() ? -1
                    : BsonSortOrder.INSTANCE.compare(source.currentId(), destination.currentId());
            if (order < 0) {
                differences.add(new Difference(DifferenceKind.MISSING_DOCUMENT, namespace, source.currentId(),
                        "on the source only"));
                source.advance();
            } else if (order > 0) {
                differences.add(new Difference(DifferenceKind.EXTRA_DOCUMENT, namespace, destination.currentId(),
                        "on the destination only"));
                destination.advance();
            } else {
                compared++;
                if (!DocumentComparison.sameBytes(source.current(), destination.current())) {
                    DocumentComparison.Mismatch mismatch = DocumentComparison.firstMismatch(source.current(), destination.current());
                    differences.add(new Difference(mismatch.kind(), namespace, source.currentId(), mismatch.detail()));
                }
                source.advance();
                destination.advance();
            }
        }
        return new Counts(source.count(), destination.count(), compared);
    }
}
