package io.c2csync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.connector.topics.NamespaceFilter;
import io.c2csync.connector.topics.NamespaceSelection;
import java.util.Arrays;
import java.util.List;

/**
 * What every part of the suite needs: the environment of the running test class and the final
 * check, "the destination equals the source" after the group caught up. Implemented once per
 * environment (emulator + embedded runtime; real MongoDB + Kafka in containers).
 */
interface PipelineSuite {

    PipelineEnvironment environment();

    /** A selection of whole databases. */
    static NamespaceSelection databases(String... databases) {
        return new NamespaceSelection(Arrays.stream(databases).map(NamespaceFilter::database).toList(), List.of());
    }

    /** Waits until the group applied everything written so far, then compares the databases. */
    default void assertDestinationEqualsSource(SyncGroupUnderTest group, String... databases) {
        group.awaitCaughtUp();
        List<String> compared = Arrays.asList(databases);
        assertThat(ClusterComparison.differences(environment(), group.selection(), compared))
                .as("differences between source and destination in %s", compared)
                .isEmpty();
    }
}
