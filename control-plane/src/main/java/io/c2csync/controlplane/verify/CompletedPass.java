package io.c2csync.controlplane.verify;

import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.PairId;

/**
 * A verification pass beside the sync that ran to its end.
 *
 * @param sourceStart the source's cluster time before the pass's first read (one second early)
 * @param destinationStart the same on the destination
 * @param differing the keys and namespaces the pass saw differing
 */
record CompletedPass(PairId pair, ClusterTime sourceStart, ClusterTime destinationStart, RecheckScope differing) {
}
