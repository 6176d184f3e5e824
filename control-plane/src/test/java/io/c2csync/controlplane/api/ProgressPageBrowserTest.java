package io.c2csync.controlplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.FakeProgressSignals;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.CopyProgress;
import io.c2csync.controlplane.sync.NamespaceCopy;
import io.c2csync.controlplane.sync.ProgressSample;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.sync.VerificationReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress page in a real headless chromium, over a coordinator with fakes. */
class ProgressPageBrowserTest {
    /** Where the screenshot for the documentation is written; copy it to docs/progress-page.png. */
    static final Path SCREENSHOT = Path.of("target/progress-page.png");

    private final ApiFixture fixture = new ApiFixture();
    private final SyncHarness harness = fixture.harness;

    @TempDir
    Path browserFiles;

    @AfterEach
    void closeFixture() {
        fixture.close();
    }

    private static URI pageOf(ApiClient api) {
        return api.uriOf("/");
    }

    @Test
    void showsARunningSyncAndTheChangeAfterACommit() {
        HeadlessChromium chromium = HeadlessChromium.findOrSkip(browserFiles);
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        ApiClient api = fixture.serve(coordinator);
        harness.signals.set(new ProgressSample(new CopyProgress(8000, 3000, false, List.of(
                new NamespaceCopy("shop.customers", 2000, 2000, 20, 20),
                new NamespaceCopy("shop.orders", 6000, 1000, 60, 10))), null, 0, false, null));

        String copying = chromium.dumpDom(pageOf(api));

        assertThat(copying).contains("<span id=\"state\" class=\"badge RUNNING\">RUNNING</span>")
                .contains("cluster0: host0:27017 → cluster1: host1:27017")
                .contains("<span id=\"info\" class=\"info\">collection copy</span>")
                .contains("id=\"copy-bar\" class=\"fill\" style=\"width: 37%;\"")
                .contains("<b id=\"copy-percent\">37%</b>")
                .contains("<td>c2c-source-1</td><td class=\"RUNNING\">RUNNING</td>")
                .containsPattern("<tr data-namespace=\"shop.orders\"><td>shop.orders</td><td><div class=\"bar small\">"
                        + "<div class=\"fill\" style=\"width: 16%;\"></div></div><span class=\"bar-label\">1000 B of 5.9 KiB"
                        + "</span></td><td>.*style=\"width: 16%;\".*10 of 60</span></td></tr>")
                .contains("<span class=\"bar-label\">20 of 20</span>")
                .doesNotContain("Cannot read the progress");

        harness.signals.set(FakeProgressSignals.caughtUp(harness.clock.instant()));
        coordinator.commit();
        SyncHarness.awaitState(coordinator, SyncState.COMMITTED);

        String committed = chromium.dumpDom(pageOf(api));

        assertThat(committed).contains("<span id=\"state\" class=\"badge COMMITTED\">COMMITTED</span>")
                .contains("<span id=\"info\" class=\"info\">commit completed</span>")
                .contains("<b id=\"can-write\">true</b>")
                .contains("<b id=\"copy-percent\">100%</b>")
                .containsPattern("<tr><td>commit</td><td>cluster0 → cluster1</td><td>[^<]+</td><td>[^<]+</td><td>[0-9.]+ s</td></tr>")
                .containsPattern("<tr><td>start</td><td>cluster0 → cluster1</td>")
                .contains("<td class=\"PAUSED\">PAUSED</td>");
    }

    @Test
    void showsTheLagChartConnectorFailuresAndVerifierCountsInAScreenshot() throws IOException {
        HeadlessChromium chromium = HeadlessChromium.findOrSkip(browserFiles);
        SyncCoordinator coordinator = harness.coordinatorIn(SyncState.RUNNING);
        ApiClient api = fixture.serve(coordinator);
        long events = 0;
        for (int minute = 0; minute < 60; minute++) {
            harness.clock.advance(Duration.ofMinutes(1));
            events += 9_000 + 60L * minute;
            long lag = 2 + Math.round(6 * Math.abs(Math.sin(minute / 7.0))) + (minute > 40 && minute < 46 ? 25 : 0);
            harness.signals.set(new ProgressSample(new CopyProgress(6_442_450_944L, 6_442_450_944L, true,
                    COPIED_NAMESPACES), harness.clock.instant().minusSeconds(lag), events, true, verifier()));
            api.progress();
        }
        harness.pipeline.failTask("org.apache.kafka.connect.errors.ConnectException: Timed out while writing to the "
                + "destination");

        String dom = chromium.dumpDom(pageOf(api));

        assertThat(dom).contains("data-points=\"61\"") // the first report, then one a minute for an hour
                .contains("task 0: org.apache.kafka.connect.errors.ConnectException: Timed out while writing")
                .contains("<td>source</td><td>hashing</td><td>812000 / 1500000</td><td>7 / 12</td>")
                .containsPattern("<p id=\"events-rate\">[0-9.]+ /s</p>")
                .contains("<span class=\"bar-label\">4.0 GiB of 4.0 GiB</span>")
                .contains("<span class=\"bar-label\">1200000 of 1200000</span>");

        Files.createDirectories(SCREENSHOT.getParent());
        chromium.screenshot(pageOf(api), SCREENSHOT, 1280, 1300);
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(20_000);
    }

    private static final List<NamespaceCopy> COPIED_NAMESPACES = List.of(
            new NamespaceCopy("analytics.events", 4_294_967_296L, 4_294_967_296L, 1_200_000, 1_200_000),
            new NamespaceCopy("shop.customers", 1_073_741_824L, 1_073_741_824L, 100_000, 100_000),
            new NamespaceCopy("shop.orders", 1_073_741_824L, 1_073_741_824L, 200_000, 200_000));

    private static VerificationReport verifier() {
        return new VerificationReport(new VerificationReport.Side(1_500_000, 812_000, 12, 7, "hashing"),
                new VerificationReport.Side(1_500_000, 790_000, 12, 7, "hashing"));
    }
}
