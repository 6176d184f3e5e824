/**
 * The embedded verifier: proves that the destination holds what the source holds, namespace by namespace.
 *
 * <p>Memory does not grow with the data. {@link io.c2csync.controlplane.verify.Verifier} reads each collection of
 * both clusters sorted by {@code _id} (MongoDB's own order, {@link io.c2csync.controlplane.verify.BsonSortOrder})
 * and merges the two streams, holding one driver batch per side (1,000 documents, and at most 16 MiB as the server
 * caps batches; the driver holds a reply twice while decoding it) and one document per side outside it; documents are compared as raw BSON bytes, decoded only when they differ.
 * Besides that it keeps one catalog entry per namespace, one count line per namespace and the first N differences.
 *
 * <p>The commit's final check is incremental ({@link io.c2csync.controlplane.verify.EmbeddedVerification} says what it
 * compares and why that suffices): its {@link io.c2csync.controlplane.verify.RecheckScope} holds at most 10,000 keys
 * per namespace (beyond that the namespace is compared in full), and it reads those keys 1,000 at a time.
 */
package io.c2csync.controlplane.verify;
