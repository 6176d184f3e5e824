package io.c2csync.bench;

import java.time.Duration;

/** c2c-sync's initial copy with a given number of sync groups (databases split across them). */
public final class C2cSyncCopy implements CopyMethod {

    private final C2cDeployment deployment;
    private final int groups;
    private final Duration timeout;
    private int runs;

    public C2cSyncCopy(C2cDeployment deployment, int groups, Duration timeout) {
        this.deployment = deployment;
        this.groups = groups;
        this.timeout = timeout;
    }

    @Override
    public String label() {
        return "c2c-sync, " + groups + (groups == 1 ? " sync group" : " sync groups");
    }

    @Override
    public void copy(Dataset dataset) {
        SyncPlan plan = SyncPlan.split("copy" + groups + dataset.label() + (++runs), dataset.databases(), groups);
        try (C2cDeployment.RunningSync sync = deployment.start(plan)) {
            sync.awaitCopied(dataset, timeout);
        }
    }
}
