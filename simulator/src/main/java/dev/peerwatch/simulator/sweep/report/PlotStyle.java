package dev.peerwatch.simulator.sweep.report;

import java.awt.Color;
import java.awt.Shape;
import org.jfree.chart.plot.DefaultDrawingSupplier;

/**
 * Colours and markers of the lines: every line has its own colour AND its own marker shape, so
 * lines stay apart in grey print and for colour-blind readers (Okabe–Ito colours; JFreeChart's ten
 * standard shapes; a pair repeats only after 40 lines).
 */
final class PlotStyle {
  private static final Color[] COLORS = {
    new Color(0x0072B2),
    new Color(0xD55E00),
    new Color(0x009E73),
    new Color(0xCC79A7),
    new Color(0xE69F00),
    new Color(0x56B4E9),
    new Color(0x000000),
    new Color(0x8C6D31),
  };

  private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();

  private PlotStyle() {}

  static Color color(int line) {
    return COLORS[line % COLORS.length];
  }

  /** The marker of line {@code line}, centred on (0, 0). */
  static Shape marker(int line) {
    return SHAPES[line % SHAPES.length];
  }

  /** The number of distinct markers. */
  static int markers() {
    return SHAPES.length;
  }
}
