package io.c2csync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import io.c2csync.connector.topics.RegexFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mongosync's namespace filters: include by database, collections and regex, then exclude; new collections too. */
interface FilterRoundTrips extends PipelineSuite {

    @Test
    default void includeExcludeAndRegexFiltersHoldForCopyAndChangesAndNewCollections() {
        NamespaceSelection selection = new NamespaceSelection(
                List.of(NamespaceFilter.database("flt_whole"),
                        NamespaceFilter.collections("flt_some", "kept", "createdLater"),
                        new NamespaceFilter(null, List.of(), new RegexFilter("^flt_rx_", ""),
                                new RegexFilter("^LOG", "i"))),
                List.of(NamespaceFilter.collections("flt_whole", "secret")));
        List<String> databases = List.of("flt_whole", "flt_some", "flt_rx_1", "flt_rx_2", "flt_other");
        MongoClient source = environment().source();
        for (String namespace : List.of("flt_whole.a", "flt_whole.secret", "flt_some.kept", "flt_some.notListed",
                "flt_rx_1.logs", "flt_rx_1.other", "flt_other.x")) {
            String[] parts = namespace.split("\\.");
            Workloads.insertNumbered(source.getDatabase(parts[0]).getCollection(parts[1]), 0, 10);
        }
        try (SyncGroupUnderTest group = SyncGroupUnderTest.start(environment(), "filters", "g0", selection,
                io.c2csync.connector.source.BuildIndexes.BEFORE_DATA_COPY)) {
            for (String namespace : List.of("flt_whole.a", "flt_whole.secret", "flt_some.kept", "flt_some.notListed",
                    "flt_rx_1.logs", "flt_rx_1.other", "flt_other.x", "flt_whole.createdLater",
                    "flt_some.createdLater", "flt_rx_2.logCreatedLater", "flt_rx_2.otherCreatedLater",
                    "flt_whole.secretNot")) {
                String[] parts = namespace.split("\\.");
                var collection = source.getDatabase(parts[0]).getCollection(parts[1]);
                Workloads.insertNumbered(collection, 100, 105);
                collection.updateOne(Filters.eq("_id", 0), Updates.set("changed", true));
                collection.deleteOne(Filters.eq("_id", 1));
            }

            assertDestinationEqualsSource(group, databases.toArray(String[]::new));
            assertThat(environment().destination().getDatabase("flt_rx_2").listCollectionNames())
                    .as("a collection created after the start that a regex includes").contains("logCreatedLater");
            assertThat(environment().destination().getDatabase("flt_whole").listCollectionNames())
                    .as("the excluded collection").doesNotContain("secret").contains("secretNot", "createdLater");
        }
    }
}
