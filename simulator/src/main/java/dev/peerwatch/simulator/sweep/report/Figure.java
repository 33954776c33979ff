package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.measures.MeasureCatalogue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * A whole figure: a title and subtitle in words (from the measure catalogue), one panel per
 * combination of the other factors' levels (all on the same y scale), and one legend for all panels
 * with each line's colour and marker. Drawn once onto any {@link Graphics2D}: JFreeSVG's for SVG
 * with real text, a bitmap scaled to 300 dpi for PNG.
 */
final class Figure {
  /** Pixels per inch of the figure's logical size (CSS pixels), and the PNG's resolution. */
  static final double LOGICAL_DPI = 96;

  static final double PNG_DPI = 300;

  private static final int TITLE_H = 52;
  private static final int LEGEND_ROW_H = 22;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  static {
    // JFreeChart's workaround draws rotated labels (the y axis title, vertical tick labels) as
    // glyph outlines, which would leave them as paths in SVG; modern JDKs need no workaround.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private final PlotData plot;
  private final int cols;
  private final int rows;
  private final int panelW;
  private final int panelH;
  private final int legendRows;
  private final int width;
  private final int height;

  Figure(PlotData plot) {
    this.plot = plot;
    int panels = plot.panels().size();
    this.cols = panels == 1 ? 1 : Math.min(panels, 3);
    this.rows = (panels + cols - 1) / cols;
    this.panelW = panels == 1 ? 760 : 400;
    this.panelH = panels == 1 ? 440 : 320;
    int perRow = Math.max(1, (cols * panelW - 40) / 170);
    this.legendRows =
        plot.seriesName() == null ? 0 : (plot.seriesLevels().size() + perRow - 1) / perRow;
    this.width = cols * panelW;
    this.height = TITLE_H + rows * panelH + (legendRows == 0 ? 8 : 14 + legendRows * LEGEND_ROW_H);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The figure's title: the measure in words. */
  String title() {
    return MeasureCatalogue.title(plot.measure());
  }

  /** What is plotted against what, and how the panels split. */
  String subtitle() {
    StringBuilder b = new StringBuilder("by ").append(plot.xName());
    if (plot.seriesName() != null) {
      b.append(", one line per ").append(plot.seriesName());
    }
    if (!plot.panelNames().isEmpty()) {
      b.append(", one panel per ").append(String.join(" × ", plot.panelNames()));
    }
    return b.append("; each point one cell, 95% interval").toString();
  }

  /** Draws the figure onto {@code g} at the origin, {@link #width} × {@link #height}. */
  void paint(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(TITLE);
    g.drawString(title(), 12, 22);
    g.setFont(SUBTITLE);
    g.setColor(new Color(0x444444));
    g.drawString(subtitle(), 12, 42);
    double[] y = PlotChart.yRange(plot);
    for (int i = 0; i < plot.panels().size(); i++) {
      JFreeChart chart = PlotChart.panel(plot, plot.panels().get(i), y);
      chart.draw(
          g,
          new Rectangle2D.Double(
              (i % cols) * panelW, TITLE_H + (i / cols) * panelH, panelW, panelH));
      g.setClip(null);
    }
    legend(g);
  }

  private void legend(Graphics2D g) {
    if (plot.seriesName() == null) {
      return;
    }
    int top = TITLE_H + rows * panelH + 8;
    g.setFont(LEGEND);
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Color.BLACK);
    String head = plot.seriesName() + ":";
    g.drawString(head, 12, top + 15);
    int x0 = 12 + fm.stringWidth(head) + 14;
    int x = x0;
    int row = 0;
    for (int i = 0; i < plot.seriesLevels().size(); i++) {
      String label = plot.seriesLevels().get(i);
      int w = 34 + fm.stringWidth(label) + 18;
      if (x + w > width - 8 && x > x0) {
        row++;
        x = x0;
      }
      int cy = top + row * LEGEND_ROW_H + 11;
      Color c = PlotStyle.color(i);
      g.setColor(c);
      g.setStroke(new BasicStroke(2f));
      if (plot.numeric()) {
        g.drawLine(x, cy, x + 24, cy);
      }
      Shape marker =
          AffineTransform.getTranslateInstance(x + 12, cy)
              .createTransformedShape(PlotStyle.marker(i));
      g.fill(marker);
      g.setColor(Color.BLACK);
      g.drawString(label, x + 30, cy + 4);
      x += w;
    }
  }

  /** The figure as an SVG element with real text, its ids starting with {@code idPrefix}. */
  String svg(String idPrefix) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(idPrefix);
    paint(g);
    return g.getSVGElement(idPrefix + "svg");
  }

  /** The figure as a PNG rendered at 300 dpi of its logical size, its pHYs saying so. */
  byte[] png() {
    return Png.encode(bitmap(), PNG_DPI);
  }

  /** The figure drawn on a bitmap at 300 dpi of its logical size. */
  BufferedImage bitmap() {
    double scale = PNG_DPI / LOGICAL_DPI;
    int w = (int) Math.ceil(width * scale);
    int h = (int) Math.ceil(height * scale);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.scale(scale, scale);
    paint(g);
    g.dispose();
    return img;
  }
}
