package io.c2csync.bench;

import java.util.Arrays;
import java.util.List;

/**
 * One rate run of the change-application scenario. Lag is bounded when every change arrived before the drain
 * deadline and the lag does not keep growing in the second half of the run (after any warm-up stall): its least-squares
 * slope against the time of the write is at most {@link #BOUNDED_GROWTH_MS_PER_S} (a sync that falls behind adds lag
 * with every second of writes).
 */
public record LagResult(int percent, double targetRate, Rate achieved, long written, List<LagSample> samples,
                        List<ProcessCost> costs) {

    public static final double BOUNDED_GROWTH_MS_PER_S = 50;
    /** Issue 8's target: p99 lag of at most a second (at 50 % of the direct apply rate). */
    public static final double TARGET_P99_MS = 1_000;

    public long lost() {
        return written - samples.size();
    }

    public double percentile(double p) {
        return percentile(samples, p);
    }

    public boolean bounded() {
        return lost() == 0 && samples.size() > 1 && growthMillisPerSecond() <= BOUNDED_GROWTH_MS_PER_S;
    }

    /** Least-squares slope of lag (ms) against the second the change was written in, over the second half of the run. */
    public double growthMillisPerSecond() {
        double half = achieved.seconds() / 2;
        List<LagSample> samples = this.samples.stream().filter(s -> s.secondsIntoRun() >= half).toList();
        double n = samples.size();
        double meanX = samples.stream().mapToDouble(LagSample::secondsIntoRun).sum() / n;
        double meanY = samples.stream().mapToDouble(LagSample::lagMillis).sum() / n;
        double covariance = samples.stream().mapToDouble(s -> (s.secondsIntoRun() - meanX) * (s.lagMillis() - meanY)).sum();
        double variance = samples.stream().mapToDouble(s -> (s.secondsIntoRun() - meanX) * (s.secondsIntoRun() - meanX)).sum();
        return variance == 0 ? Double.NaN : covariance / variance;
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
