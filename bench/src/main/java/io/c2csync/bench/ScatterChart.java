package io.c2csync.bench;

import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Points (x seconds, y value) per series, e.g. the lag of every change over the time of its run. */
final class ScatterChart {

    private ScatterChart() {
    }

    static void write(Path file, String title, String yLabel, String xLabel, Map<String, List<double[]>> series,
                      String note) {
        double xMax = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[0]).max().orElse(1);
        double yMax = series.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElse(1);
        ChartCanvas canvas = new ChartCanvas(title, yLabel, yMax);
        Graphics2D g = canvas.graphics();
        int width = ChartCanvas.RIGHT - ChartCanvas.LEFT;
        int index = 0;
        for (List<double[]> points : series.values()) {
            g.setColor(ChartCanvas.PALETTE[index++ % ChartCanvas.PALETTE.length]);
            for (double[] point : points) {
                int x = ChartCanvas.LEFT + (int) Math.round(width * point[0] / Math.max(xMax, 1e-9));
                g.fillOval(x - 2, canvas.y(point[1]) - 2, 4, 4);
            }
        }
        for (int i = 0; i <= 5; i++) {
            canvas.xLabel(ChartCanvas.format(xMax * i / 5), ChartCanvas.LEFT + width * i / 5);
        }
        canvas.legend(new ArrayList<>(series.keySet()));
        canvas.note("x: " + xLabel + ". " + note);
        canvas.write(file);
    }
}
