package io.c2csync.bench;

import com.mongodb.client.MongoClient;

/** Whether every collection of a dataset holds all its documents on the destination. */
final class DestinationCounts {

    private DestinationCounts() {
    }

    static boolean complete(MongoClient destination, Dataset dataset) {
        return dataset.databases().stream().allMatch(database -> destination.getDatabase(database)
            .getCollection(Dataset.COLLECTION).estimatedDocumentCount() >= dataset.documentsIn(database));
    }
}
