package io.c2csync.controlplane.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.c2csync.controlplane.sync.ClusterAddresses;
import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.ClusterTime;
import io.c2csync.controlplane.sync.Direction;
import io.c2csync.controlplane.sync.IndexBuild;
import io.c2csync.controlplane.sync.NamePattern;
import io.c2csync.controlplane.sync.NamespaceFilter;
import io.c2csync.controlplane.sync.PairId;
import io.c2csync.controlplane.sync.ProcedureFailure;
import io.c2csync.controlplane.sync.ProcedureKind;
import io.c2csync.controlplane.sync.ProcedureRun;
import io.c2csync.controlplane.sync.ProcedureStep;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncSpec;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.WriteBlocking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSyncStateStoreTest {
    @TempDir
    Path directory;

    private static SyncRecord committing() {
        SyncSpec spec = new SyncSpec(new Direction(ClusterName.CLUSTER1, ClusterName.CLUSTER0), false,
                WriteBlocking.DESTINATION_ONLY,
                List.of(new NamespaceFilter("shop", List.of("orders"), null, null),
                        new NamespaceFilter(null, null, new NamePattern("^log", "i"), null)),
                List.of(), IndexBuild.BEFORE_DATA_COPY, false);
        return new SyncRecord(new ClusterAddresses("a:1", "b:2"), spec, spec.direction(), SyncState.COMMITTING,
                new PairId(3), new ClusterTime(1_699_999_000L, 2), new ClusterTime(1_700_000_000L, 7), null, new ProcedureStep(ProcedureKind.COMMIT, 4),
                List.of(new ProcedureRun(ProcedureKind.START, spec.direction(), Instant.parse("2026-01-01T10:00:00Z"),
                                Instant.parse("2026-01-01T10:00:02.5Z")),
                        ProcedureRun.begun(ProcedureKind.COMMIT, spec.direction(), Instant.parse("2026-01-02T08:00:00Z"))),
                List.of("shop", "logs"),
                new ProcedureFailure(SyncError.VERIFICATION_FAILED, "the destination differs from the source",
                        List.of("MISSING_DOCUMENT shop.orders _id 5: on the source only")));
    }

    @Test
    void isEmptyBeforeTheFirstSave() {
        assertThat(new FileSyncStateStore(directory.resolve("state.json")).load()).isEmpty();
    }

    @Test
    void readsBackWhatItSavedInANewInstance() {
        Path file = directory.resolve("nested/state.json");
        new FileSyncStateStore(file).save(committing());

        assertThat(new FileSyncStateStore(file).load()).contains(committing());
    }

    @Test
    void aRecordSavedBeforeTheHistoryExistedLoadsWithAnEmptyHistory() throws IOException {
        Path file = directory.resolve("state.json");
        FileSyncStateStore store = new FileSyncStateStore(file);
        store.save(committing());
        Files.writeString(file, Files.readString(file).replaceFirst("(?s),\\s*\"history\"\\s*:\\s*\\[.*\\]", ""));

        assertThat(Files.readString(file)).doesNotContain("history");
        assertThat(store.load().orElseThrow().history()).isEmpty();
    }

    @Test
    void replacesTheRecordAndLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("state.json");
        FileSyncStateStore store = new FileSyncStateStore(file);
        store.save(committing());
        SyncRecord committed = committing().withState(SyncState.COMMITTED).withProcedure(null);

        store.save(committed);

        assertThat(store.load()).contains(committed);
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void aDamagedFileIsAClearError() throws IOException {
        Path file = directory.resolve("state.json");
        Files.writeString(file, "{\"state\":");

        assertThatThrownBy(() -> new FileSyncStateStore(file).load()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("fix or remove the file");
    }
}
