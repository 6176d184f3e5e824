package io.c2csync.controlplane.cli;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.c2csync.controlplane.verify.NamespaceFilter;
import io.c2csync.controlplane.verify.VerificationException;
import io.c2csync.controlplane.verify.VerificationProgress;
import io.c2csync.controlplane.verify.VerificationResult;
import io.c2csync.controlplane.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code c2c-sync verify}: checks once that cluster1 holds what cluster0 holds. */
@Command(name = "verify", mixinStandardHelpOptions = true, exitCodeOnExecutionException = VerifyCommand.EXIT_ERROR,
        description = {"Compares cluster1 (destination) with cluster0 (source): documents byte for byte, indexes, "
                + "collection options and views of every namespace the filters select.",
                "Exit code 0: equal; 1: different (the report lists them); 2: could not verify."})
final class VerifyCommand implements Callable<Integer> {

    static final int EXIT_EQUAL = 0;
    static final int EXIT_DIFFERENT = 1;
    static final int EXIT_ERROR = 2;

    private static final long DEFAULT_SERVER_SELECTION_TIMEOUT_SECONDS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--cluster0", required = true, paramLabel = "URI", description = "The source cluster's connection string.")
    private String cluster0;

    @Option(names = "--cluster1", required = true, paramLabel = "URI", description = "The destination cluster's connection string.")
    private String cluster1;

    @Option(names = "--include", paramLabel = "JSON",
            description = "A namespace filter, e.g. '{\"database\": \"shop\", \"collections\": [\"orders\"]}' or "
                    + "'{\"databaseRegex\": {\"pattern\": \"^prod\", \"options\": \"i\"}}'. Repeatable; default: all.")
    private List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "JSON", description = "A namespace filter applied after --include. Repeatable.")
    private List<String> exclude = new ArrayList<>();

    @Option(names = "--max-differences", defaultValue = "20", paramLabel = "N",
            description = "How many differences the report lists; all are counted. Default: ${DEFAULT-VALUE}")
    private int maxDifferences;

    @Override
    public Integer call() {
        try {
            if (maxDifferences < 0) {
                throw new IllegalArgumentException("--max-differences must be 0 or more, not " + maxDifferences);
            }
            NamespaceFilter filter = NamespaceFilter.parse(include, exclude);
            return verify(filter);
        } catch (IllegalArgumentException | MongoException | VerificationException e) {
            spec.commandLine().getErr().println("c2c-sync verify failed: " + Passwords.redact(String.valueOf(e.getMessage()),
                    cluster0, cluster1));
            return EXIT_ERROR;
        }
    }

    private int verify(NamespaceFilter filter) {
        ConnectionString source = connectionString("--cluster0", cluster0);
        ConnectionString destination = connectionString("--cluster1", cluster1);
        try (MongoClient sourceClient = connect(source); MongoClient destinationClient = connect(destination)) {
            reachable("cluster0", source, sourceClient);
            reachable("cluster1", destination, destinationClient);
            VerificationResult result = new Verifier(sourceClient, destinationClient, filter, maxDifferences,
                    new VerificationProgress()).verify();
            new VerificationReport(described("cluster0", source), described("cluster1", destination))
                    .print(result, spec.commandLine().getOut());
            return result.equal() ? EXIT_EQUAL : EXIT_DIFFERENT;
        }
    }

    private static ConnectionString connectionString(String option, String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " is not a MongoDB connection string: " + e.getMessage(), e);
        }
    }

    /** Fails sooner than the driver's 30 s default on a cluster that does not answer, unless the string says otherwise. */
    private static MongoClient connect(ConnectionString connectionString) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connectionString);
        if (connectionString.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                    DEFAULT_SERVER_SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return MongoClients.create(settings.build());
    }

    private static void reachable(String name, ConnectionString connectionString, MongoClient client) {
        try {
            client.listDatabaseNames().first();
        } catch (MongoException e) {
            throw new MongoException(described(name, connectionString) + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String described(String name, ConnectionString connectionString) {
        return name + " (" + String.join(",", connectionString.getHosts()) + ")";
    }
}
