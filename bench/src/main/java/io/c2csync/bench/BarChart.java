package io.c2csync.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Grouped bars: one group per x label, one bar per series, its value printed on top. */
final class BarChart {

    private BarChart() {
    }

    static void write(Path file, String title, String yLabel, List<String> groups, List<String> series,
                      double[][] values, String note) {
        double max = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).max().orElse(1);
        ChartCanvas canvas = new ChartCanvas(title, yLabel, max);
        Graphics2D g = canvas.graphics();
        int groupWidth = (ChartCanvas.RIGHT - ChartCanvas.LEFT) / groups.size();
        int barWidth = Math.max(4, (groupWidth - 30) / series.size());
        for (int group = 0; group < groups.size(); group++) {
            int x0 = ChartCanvas.LEFT + group * groupWidth + 15;
            for (int s = 0; s < series.size(); s++) {
                double value = values[group][s];
                if (Double.isNaN(value)) {
                    continue;
                }
                int x = x0 + s * barWidth;
                int y = canvas.y(value);
                g.setColor(ChartCanvas.PALETTE[s % ChartCanvas.PALETTE.length]);
                g.fillRect(x, y, barWidth - 4, ChartCanvas.BOTTOM - y);
                g.setColor(Color.BLACK);
                g.drawString(ChartCanvas.format(value), x, y - 4);
            }
            canvas.xLabel(groups.get(group), x0 + series.size() * barWidth / 2);
        }
        canvas.legend(series);
        canvas.note(note);
        canvas.write(file);
    }
}
