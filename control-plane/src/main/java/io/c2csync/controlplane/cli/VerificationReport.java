package io.c2csync.controlplane.cli;

import io.c2csync.controlplane.verify.Difference;
import io.c2csync.controlplane.verify.NamespaceReport;
import io.c2csync.controlplane.verify.VerificationResult;
import java.io.PrintWriter;

/** The console text of a verification: one line when the clusters are equal, counts and first differences when not. */
final class VerificationReport {

    private static final String HEADER = "%-40s %12s %17s %12s %12s%n";
    private static final String ROW = "%-40s %12d %17d %12d %12d%n";

    private final String source;
    private final String destination;

    /** @param source e.g. {@code cluster0 (127.0.0.1:27017)} */
    VerificationReport(String source, String destination) {
        this.source = source;
        this.destination = destination;
    }

    void print(VerificationResult result, PrintWriter out) {
        if (result.equal()) {
            out.printf("destination %s equals source %s: %d namespaces, %d documents compared.%n", destination, source,
                    result.namespaces().size(), result.comparedDocuments());
            out.flush();
            return;
        }
        long differingNamespaces = result.namespaces().stream().filter(namespace -> namespace.differences() > 0).count();
        out.printf("destination %s differs from source %s: %d differences in %d of %d namespaces.%n%n",
                destination, source, result.differenceCount(), differingNamespaces, result.namespaces().size());
        out.printf(HEADER, "namespace", "source docs", "destination docs", "compared", "differences");
        for (NamespaceReport namespace : result.namespaces()) {
            out.printf(ROW, namespace.namespace().getFullName(), namespace.sourceDocuments(),
                    namespace.destinationDocuments(), namespace.comparedDocuments(), namespace.differences());
        }
        out.printf("%nFirst %d of %d differences:%n", result.firstDifferences().size(), result.differenceCount());
        for (Difference difference : result.firstDifferences()) {
            out.println("  " + difference.describe());
        }
        out.flush();
    }
}
