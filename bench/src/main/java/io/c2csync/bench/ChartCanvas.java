package io.c2csync.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/** A headless PNG with a title, a plot area, a y axis from 0 to a maximum with grid lines, and a legend. */
final class ChartCanvas {

    static final Color[] PALETTE = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759),
        new Color(0x76b7b2), new Color(0x59a14f), new Color(0xedc948), new Color(0xb07aa1)};
    static final int LEFT = 80;
    static final int TOP = 50;
    static final int WIDTH = 1040;
    static final int HEIGHT = 540;
    static final int RIGHT = WIDTH - 330;
    static final int BOTTOM = HEIGHT - 70;

    private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g = image.createGraphics();
    private final double yMax;

    ChartCanvas(String title, String yLabel, double yMax) {
        System.setProperty("java.awt.headless", "true");
        this.yMax = yMax <= 0 || Double.isNaN(yMax) ? 1 : yMax * 1.1;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double value = this.yMax * i / 5;
            int y = y(value);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(format(value), 8, y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, BOTTOM, RIGHT, BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, BOTTOM);
        g.drawString(yLabel, LEFT, TOP - 8);
    }

    Graphics2D graphics() {
        return g;
    }

    int y(double value) {
        return BOTTOM - (int) Math.round((BOTTOM - TOP) * Math.max(0, value) / yMax);
    }

    void xLabel(String text, int centerX) {
        g.setColor(Color.BLACK);
        g.drawString(text, centerX - g.getFontMetrics().stringWidth(text) / 2, BOTTOM + 18);
    }

    void legend(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            int y = TOP + 10 + i * 22;
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(RIGHT + 20, y - 10, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), RIGHT + 40, y + 2);
        }
    }

    void note(String text) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawString(text, LEFT, HEIGHT - 15);
    }

    void write(Path file) {
        g.dispose();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the chart " + file, e);
        }
    }

    static String format(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
