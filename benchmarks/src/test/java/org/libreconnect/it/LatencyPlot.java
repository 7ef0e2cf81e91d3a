package org.libreconnect.it;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The latency distributions of one benchmark as cumulative curves on a logarithmic time axis (one
 * curve per figure in milliseconds), drawn with Java2D in a headless JVM and written as a PNG.
 */
final class LatencyPlot {
  private static final int WIDTH = 1100;
  private static final int PLOT_HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 40;
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
    new Color(0x7f7f7f), new Color(0xbcbd22)
  };

  private LatencyPlot() {}

  static void write(String title, List<Figures.Figure> all, Path png) throws IOException {
    List<Figures.Figure> figures = all.stream().filter(f -> f.unit().equals("ms")).toList();
    int legend = 18 * figures.size() + 20;
    int height = TOP + PLOT_HEIGHT + 50 + legend;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString(title + ": share of samples at or below a latency (ms, log scale)", LEFT, 22);
      if (figures.isEmpty()) {
        ImageIO.write(image, "png", png.toFile());
        return;
      }
      double low = Math.max(0.01, figures.stream().mapToDouble(f -> f.sorted().get(0)).min().orElse(1));
      double high = figures.stream().mapToDouble(f -> f.sorted().get(f.samples().size() - 1)).max().orElse(10);
      double logLow = Math.floor(Math.log10(low));
      double logHigh = Math.max(logLow + 1, Math.ceil(Math.log10(high)));
      int plotWidth = WIDTH - LEFT - RIGHT;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (double decade = logLow; decade <= logHigh; decade++) {
        int x = LEFT + (int) ((decade - logLow) / (logHigh - logLow) * plotWidth);
        g.setColor(new Color(0xdddddd));
        g.drawLine(x, TOP, x, TOP + PLOT_HEIGHT);
        g.setColor(Color.BLACK);
        g.drawString(label(Math.pow(10, decade)), x - 10, TOP + PLOT_HEIGHT + 16);
      }
      for (int percent = 0; percent <= 100; percent += 25) {
        int y = TOP + PLOT_HEIGHT - percent * PLOT_HEIGHT / 100;
        g.setColor(new Color(0xdddddd));
        g.drawLine(LEFT, y, LEFT + plotWidth, y);
        g.setColor(Color.BLACK);
        g.drawString(percent + " %", LEFT - 40, y + 4);
      }
      g.drawRect(LEFT, TOP, plotWidth, PLOT_HEIGHT);
      g.setStroke(new BasicStroke(2f));
      for (int i = 0; i < figures.size(); i++) {
        Figures.Figure figure = figures.get(i);
        List<Double> sorted = figure.sorted();
        g.setColor(COLORS[i % COLORS.length]);
        int lastX = -1;
        int lastY = TOP + PLOT_HEIGHT;
        for (int k = 0; k < sorted.size(); k++) {
          double value = Math.max(Math.pow(10, logLow), sorted.get(k));
          int x = LEFT + (int) ((Math.log10(value) - logLow) / (logHigh - logLow) * plotWidth);
          int y = TOP + PLOT_HEIGHT - (int) ((k + 1) * (double) PLOT_HEIGHT / sorted.size());
          if (lastX >= 0) {
            g.drawLine(lastX, lastY, x, lastY);
            g.drawLine(x, lastY, x, y);
          } else {
            g.drawLine(x, TOP + PLOT_HEIGHT, x, y);
          }
          lastX = x;
          lastY = y;
        }
        int legendY = TOP + PLOT_HEIGHT + 44 + 18 * i;
        g.fillRect(LEFT, legendY - 9, 14, 10);
        g.setColor(Color.BLACK);
        g.drawString(figure.line(), LEFT + 22, legendY);
      }
      ImageIO.write(image, "png", png.toFile());
    } finally {
      g.dispose();
    }
  }

  private static String label(double value) {
    return value >= 1 ? String.valueOf((long) value) : String.valueOf(value);
  }
}
