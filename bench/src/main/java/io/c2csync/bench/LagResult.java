package io.c2csync.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One rate run of the change-application scenario. Lag is bounded when every change arrived before the drain
 * deadline and the p95 of the run's last quarter is at most twice that of its first quarter plus 500 ms (lag that
 * keeps growing with time means the sync falls behind).
 */
public record LagResult(int percent, double targetRate, Rate achieved, long written, List<LagSample> samples,
                        List<ProcessCost> costs) {

    public long lost() {
        return written - samples.size();
    }

    public double percentile(double p) {
        return percentile(samples, p);
    }

    public boolean bounded() {
        double quarter = achieved.seconds() / 4;
        List<LagSample> first = samples.stream().filter(s -> s.secondsIntoRun() < quarter).toList();
        List<LagSample> last = samples.stream().filter(s -> s.secondsIntoRun() >= 3 * quarter).toList();
        return lost() == 0 && !samples.isEmpty()
            && percentile(last, 95) <= 2 * percentile(first, 95) + 500;
    }

    private static double percentile(List<LagSample> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] lags = samples.stream().mapToDouble(LagSample::lagMillis).toArray();
        Arrays.sort(lags);
        return lags[Math.min(lags.length - 1, (int) Math.ceil(p / 100 * lags.length) - 1)];
    }
}
