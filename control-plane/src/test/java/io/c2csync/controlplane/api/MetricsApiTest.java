package io.c2csync.controlplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.NamespaceCopy;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.VerificationReport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} scraped over HTTP while the coordinator is driven through a sync. */
class MetricsApiTest {
    private final ApiFixture fixture = new ApiFixture();
    private final SyncHarness harness = fixture.harness;

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    /** Series (name with labels) to value, from the Prometheus text format. */
    private static Map<String, Double> scrape(ApiClient api) {
        ApiClient.Reply reply = api.sendTo(api.uriOf("/metrics"), "GET", null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(PageResources.PROMETHEUS_TEXT);
        Map<String, Double> series = new HashMap<>();
        reply.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return series;
    }

    @Test
    void theValuesFollowTheSyncThroughCopyApplicationAndCommit() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        ApiClient api = fixture.serve(coordinator);
        harness.signals.set(new ProgressSample(new CopyProgress(8000, 2000, false), null, 0, false, null));

        Map<String, Double> copying = scrape(api);
        assertThat(copying).containsEntry("c2c_sync_state{state=\"RUNNING\"}", 1.0)
                .containsEntry("c2c_sync_state{state=\"IDLE\"}", 0.0)
                .containsEntry("c2c_sync_copy_estimated_bytes", 8000.0)
                .containsEntry("c2c_sync_copy_copied_bytes", 2000.0)
                .containsEntry("c2c_sync_copy_done", 0.0)
                .containsEntry("c2c_sync_events_applied_total", 0.0)
                .containsEntry("c2c_sync_can_commit", 0.0)
                .containsEntry("c2c_sync_cluster_up{cluster=\"source\"}", 1.0)
                .containsEntry("c2c_sync_connector_running{connector=\"c2c-source-1\"}", 1.0)
                .containsKey("c2c_sync_ping_latency_seconds{cluster=\"destination\"}")
                .containsKey("process_uptime_seconds");
        assertThat(copying.keySet()).anyMatch(series -> series.startsWith("jvm_memory_used_bytes{area=\"heap\""));
        assertThat(copying.get("c2c_sync_lag_seconds")).isNaN();

        VerificationReport.Side side = new VerificationReport.Side(500, 120, 4, 1, "hashing");
        harness.signals.set(new ProgressSample(new CopyProgress(8000, 8000, true),
                harness.clock.instant().minusSeconds(3), 1500, true, new VerificationReport(side, side)));
        harness.pipeline.failTask("java.lang.IllegalStateException: boom");

        Map<String, Double> applying = scrape(api);
        assertThat(applying).containsEntry("c2c_sync_copy_copied_bytes", 8000.0)
                .containsEntry("c2c_sync_copy_done", 1.0)
                .containsEntry("c2c_sync_lag_seconds", 3.0)
                .containsEntry("c2c_sync_events_applied_total", 1500.0)
                .containsEntry("c2c_sync_verification_hashed_documents{cluster=\"source\"}", 120.0)
                .containsEntry("c2c_sync_verification_scanned_collections{cluster=\"destination\"}", 1.0)
                .containsEntry("c2c_sync_connector_failed_tasks{connector=\"c2c-source-1\"}", 1.0)
                .containsEntry("c2c_sync_warnings", 1.0);

        harness.pipeline.recoverTask();
        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);

        Map<String, Double> committed = scrape(api);
        assertThat(committed).containsEntry("c2c_sync_state{state=\"COMMITTED\"}", 1.0)
                .containsEntry("c2c_sync_state{state=\"RUNNING\"}", 0.0)
                .containsEntry("c2c_sync_can_write", 1.0)
                .containsEntry("c2c_sync_procedure_duration_seconds_count{procedure=\"commit\"}", 1.0)
                .containsEntry("c2c_sync_procedure_step_duration_seconds_count{procedure=\"commit\",step=\"6\"}", 1.0)
                .containsEntry("c2c_sync_connector_running{connector=\"c2c-source-1\"}", 0.0);
        assertThat(committed.get("c2c_sync_lag_seconds")).isNaN();
    }

    @Test
    void theCopyPerNamespaceIsOnTheMetricsAndThePageStatusButNotInTheContractsProgress() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        ApiClient api = fixture.serve(coordinator);
        harness.signals.set(new ProgressSample(new CopyProgress(8000, 2000, false, List.of(
                new NamespaceCopy("shop.customers", 2000, 500, 20, 5),
                new NamespaceCopy("shop.orders", 6000, 1500, 60, 15))), null, 0, false, null));

        Map<String, Double> metrics = scrape(api);
        assertThat(metrics).containsEntry("c2c_sync_copy_namespace_estimated_bytes{namespace=\"shop.orders\"}", 6000.0)
                .containsEntry("c2c_sync_copy_namespace_copied_bytes{namespace=\"shop.orders\"}", 1500.0)
                .containsEntry("c2c_sync_copy_namespace_estimated_documents{namespace=\"shop.customers\"}", 20.0)
                .containsEntry("c2c_sync_copy_namespace_copied_documents{namespace=\"shop.customers\"}", 5.0);
        JsonNode page = api.sendTo(api.uriOf("/page/status"), "GET", null).json();
        assertThat(page.get("copyByNamespace").get(1).toString()).isEqualTo("{\"namespace\":\"shop.orders\","
                + "\"estimatedBytes\":6000,\"copiedBytes\":1500,\"estimatedDocuments\":60,\"copiedDocuments\":15}");
        assertThat(api.progress().json().get("progress").get("collectionCopy").toString())
                .isEqualTo("{\"estimatedTotalBytes\":8000,\"estimatedCopiedBytes\":2000}");

        harness.signals.set(new ProgressSample(new CopyProgress(8000, 8000, true, List.of(
                new NamespaceCopy("shop.orders", 8000, 8000, 80, 80))), null, 0, true, null));

        Map<String, Double> done = scrape(api);
        assertThat(done).containsEntry("c2c_sync_copy_namespace_copied_documents{namespace=\"shop.orders\"}", 80.0)
                .doesNotContainKey("c2c_sync_copy_namespace_copied_documents{namespace=\"shop.customers\"}");
    }

    @Test
    void metricsShowWhatProgressShows() {
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        ApiClient api = fixture.serve(coordinator);
        harness.clock.advance(Duration.ofSeconds(7));

        long lagShown = api.progress().json().get("progress").get("lagTimeSeconds").longValue();

        assertThat(scrape(api)).containsEntry("c2c_sync_lag_seconds", (double) lagShown);
        assertThat(lagShown).isEqualTo(7);
    }
}
