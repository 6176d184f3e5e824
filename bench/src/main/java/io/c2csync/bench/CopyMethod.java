package io.c2csync.bench;

/** One row of the copy tables: a label and the deployment that copies, with one sync group or one per database. */
public record CopyMethod(String label, Deployment deployment, boolean oneGroup) {

    SyncPlan plan(String syncId, Dataset dataset) {
        return new SyncPlan(syncId, dataset.databases(), oneGroup);
    }
}
