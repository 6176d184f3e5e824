package io.c2csync.controlplane.verify;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import io.c2csync.controlplane.verify.VerificationProgress.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * Checks that the destination holds what the source holds, namespace by namespace: the collection type and options
 * (or view definition), the indexes, and every document byte for byte. Documents are streamed from both sides in
 * {@code _id} order and merged, so memory does not grow with the data: one batch per side plus the first
 * differences kept for the report.
 */
public final class Verifier {
    /**
     * Keys a scope keeps per namespace (a few MB); beyond, the namespace is compared in full. A recheck pass beside the
     * sync covers a few seconds of changes, so this holds for a namespace written ~10,000 times a second.
     */
    static final int RECHECKED_KEYS_PER_NAMESPACE = 50_000;
    /** Keys read at once by an incremental check ({@code _id $in}). */
    private static final int KEYS_PER_READ = 1_000;

    private final ClusterReader source;
    private final ClusterReader destination;
    private final NamespaceFilter filter;
    private final int maxDifferences;
    private final VerificationProgress progress;

    /**
     * @param maxDifferences how many differences the result lists; all are counted
     * @param progress updated while {@link #verify()} runs, readable from other threads
     */
    public Verifier(MongoClient source, MongoClient destination, NamespaceFilter filter, int maxDifferences,
            VerificationProgress progress) {
        this.source = new ClusterReader(source);
        this.destination = new ClusterReader(destination);
        this.filter = filter;
        this.maxDifferences = maxDifferences;
        this.progress = progress;
    }

    /**
     * @throws VerificationException when the clusters cannot be compared (e.g. a document without {@code _id})
     * @throws com.mongodb.MongoException when a cluster cannot be read
     */
    public VerificationResult verify() {
        return verify(new RecheckScope(RECHECKED_KEYS_PER_NAMESPACE));
    }

    /** The full comparison; every difference it finds is also noted in {@code seen}. */
    VerificationResult verify(RecheckScope seen) {
        return run(seen, null, ExactCounts.DECIDE);
    }

    /**
     * The incremental comparison: the catalog of every namespace (type, options, indexes) and its exact document
     * count; the documents of the namespaces {@code scope} names in full, of those present on one side only and of
     * those whose counts differ; in the other namespaces only the documents {@code scope} names by key. Every
     * difference is also noted in {@code seen}.
     */
    VerificationResult recheck(RecheckScope scope, RecheckScope seen) {
        return run(seen, scope, ExactCounts.DECIDE);
    }

    /**
     * {@link #recheck} while the sync runs: the exact counts of a namespace differ while events are in flight, so they
     * are not compared and do not send the namespace to the full comparison; the keys {@code scope} names decide.
     */
    VerificationResult recheckWhileSyncing(RecheckScope scope, RecheckScope seen) {
        return run(seen, scope, ExactCounts.IGNORED);
    }

    /** Whether a recheck compares a namespace's exact document counts, and compares it in full when they differ. */
    private enum ExactCounts { DECIDE, IGNORED }

    /** {@code scope} null: every document. */
    private VerificationResult run(RecheckScope seen, RecheckScope scope, ExactCounts exactCounts) {
        progress.phase(VerificationPhase.INITIAL_HASHING);
        try {
            VerificationResult result = compareAll(seen, scope, exactCounts);
            progress.phase(VerificationPhase.DONE);
            return result;
        } catch (RuntimeException e) {
            progress.phase(VerificationPhase.FAILED);
            throw e;
        }
    }

    private VerificationResult compareAll(RecheckScope seen, RecheckScope scope, ExactCounts exactCounts) {
        DifferenceCollector differences = new DifferenceCollector(maxDifferences, seen);
        SortedMap<String, CollectionSpec> sourceCatalog = catalog(source, Side.SOURCE);
        SortedMap<String, CollectionSpec> destinationCatalog = catalog(destination, Side.DESTINATION);
        TreeSet<String> names = new TreeSet<>(sourceCatalog.keySet());
        names.addAll(destinationCatalog.keySet());
        List<NamespaceReport> reports = new ArrayList<>();
        for (String name : names) {
            reports.add(compare(sourceCatalog.get(name), destinationCatalog.get(name), differences, scope, exactCounts));
        }
        return new VerificationResult(reports, differences.first(), differences.count());
    }

    private SortedMap<String, CollectionSpec> catalog(ClusterReader cluster, Side side) {
        SortedMap<String, CollectionSpec> catalog = cluster.collections(filter);
        for (CollectionSpec spec : catalog.values()) {
            progress.counters(side).collectionFound(spec.holdsDocuments() ? cluster.estimatedDocumentCount(spec.namespace()) : 0);
        }
        return catalog;
    }

    /** One namespace; either spec may be null (absent on that side), not both. */
    private NamespaceReport compare(CollectionSpec sourceSpec, CollectionSpec destinationSpec, DifferenceCollector differences,
            RecheckScope scope, ExactCounts exactCounts) {
        long before = differences.count();
        MongoNamespace namespace = (sourceSpec != null ? sourceSpec : destinationSpec).namespace();
        if (sourceSpec == null) {
            differences.add(new Difference(DifferenceKind.EXTRA_NAMESPACE, namespace, null,
                    "a " + destinationSpec.type() + " on the destination only"));
        } else if (destinationSpec == null) {
            differences.add(new Difference(DifferenceKind.MISSING_NAMESPACE, namespace, null,
                    "a " + sourceSpec.type() + " on the source only"));
        } else {
            CatalogComparison.definitions(sourceSpec, destinationSpec).forEach(differences::add);
            if (sourceSpec.holdsDocuments() && destinationSpec.holdsDocuments()) {
                CatalogComparison.indexes(namespace, source.indexes(namespace), destination.indexes(namespace))
                        .forEach(differences::add);
            }
        }
        DocumentMerge.Counts counts;
        if (!holdsDocuments(sourceSpec) || !holdsDocuments(destinationSpec)) {
            counts = new DocumentMerge.Counts(0, 0, 0);
        } else if (scope == null || sourceSpec == null || destinationSpec == null || scope.comparedInFull(namespace)) {
            counts = documents(namespace, differences);
        } else if (exactCounts == ExactCounts.DECIDE) {
            counts = rechecked(namespace, scope, differences);
        } else {
            counts = keys(namespace, scope, differences);
        }
        if (sourceSpec != null) {
            progress.counters(Side.SOURCE).collectionScanned();
        }
        if (destinationSpec != null) {
            progress.counters(Side.DESTINATION).collectionScanned();
        }
        return new NamespaceReport(namespace, counts.sourceDocuments(), counts.destinationDocuments(),
                counts.comparedDocuments(), differences.count() - before);
    }

    /** An absent side counts as an empty collection, so that every document of the other side is reported. */
    private static boolean holdsDocuments(CollectionSpec spec) {
        return spec == null || spec.holdsDocuments();
    }

    /**
     * The keys {@code scope} names, in chunks; the whole namespace when the exact counts differ, since then a
     * document outside the scope differs (the counts of the full merge then report both sides' documents).
     */
    private DocumentMerge.Counts rechecked(MongoNamespace namespace, RecheckScope scope, DifferenceCollector differences) {
        long sourceCount = source.countDocuments(namespace);
        long destinationCount = destination.countDocuments(namespace);
        if (sourceCount != destinationCount) {
            return documents(namespace, differences);
        }
        return new DocumentMerge.Counts(sourceCount, destinationCount, keys(namespace, scope, differences).comparedDocuments());
    }

    /** The documents of the keys {@code scope} names, in chunks; counts of the documents read on each side. */
    private DocumentMerge.Counts keys(MongoNamespace namespace, RecheckScope scope, DifferenceCollector differences) {
        DocumentMerge.Counts total = new DocumentMerge.Counts(0, 0, 0);
        List<BsonValue> chunk = new ArrayList<>(KEYS_PER_READ);
        for (BsonValue id : scope.keys(namespace)) {
            chunk.add(id);
            if (chunk.size() == KEYS_PER_READ) {
                total = total.plus(documents(namespace, chunk, differences));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            total = total.plus(documents(namespace, chunk, differences));
        }
        return total;
    }

    private DocumentMerge.Counts documents(MongoNamespace namespace, List<BsonValue> ids, DifferenceCollector differences) {
        return merged(namespace, () -> source.byIds(namespace, ids), () -> destination.byIds(namespace, ids), differences);
    }

    private DocumentMerge.Counts documents(MongoNamespace namespace, DifferenceCollector differences) {
        return merged(namespace, () -> source.inIdOrder(namespace), () -> destination.inIdOrder(namespace), differences);
    }

    /** Each cursor is opened only once the one before it is held, so a failure closes what was opened. */
    private DocumentMerge.Counts merged(MongoNamespace namespace, Supplier<MongoCursor<RawBsonDocument>> sourceCursor,
            Supplier<MongoCursor<RawBsonDocument>> destinationCursor, DifferenceCollector differences) {
        try (OrderedDocuments sourceDocuments = new OrderedDocuments(namespace, Side.SOURCE, sourceCursor.get(), progress);
                OrderedDocuments destinationDocuments = new OrderedDocuments(namespace, Side.DESTINATION,
                        destinationCursor.get(), progress)) {
            return new DocumentMerge(differences).merge(namespace, sourceDocuments, destinationDocuments);
        }
    }
}
