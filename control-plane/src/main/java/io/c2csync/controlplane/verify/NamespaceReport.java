package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;

/**
 * The counts of one namespace.
 *
 * @param comparedDocuments documents present on both sides (by {@code _id}) whose bytes were compared
 * @param differences every difference found in this namespace, also those beyond the reported first N
 */
public record NamespaceReport(MongoNamespace namespace, long sourceDocuments, long destinationDocuments,
        long comparedDocuments, long differences) {
}
