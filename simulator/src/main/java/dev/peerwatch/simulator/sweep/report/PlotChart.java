package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.measures.MeasureCatalogue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One panel of a figure, drawn with JFreeChart (whose text stays text in JFreeSVG): a numeric x
 * factor on a numeric axis with lines through the cells' estimates; a categorical one on a symbol
 * axis with its labels and no connecting lines. Every 95% interval is drawn as it is (Wilson
 * intervals are not symmetric): as a shaded band when a numeric panel has at most three lines,
 * otherwise as an error bar, the lines nudged apart sideways so that bars do not hide each other.
 */
final class PlotChart {
  private static final int MAX_BAND_LINES = 3;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private PlotChart() {}

  /** Whether lines of this panel are drawn with bands (else with error bars). */
  static boolean bands(PlotData plot, PlotData.Panel p) {
    return plot.numeric() && p.lines().size() <= MAX_BAND_LINES;
  }

  /** The chart of panel {@code p} of {@code plot}, its y axis over {@code yRange}. */
  static JFreeChart panel(PlotData plot, PlotData.Panel p, double[] yRange) {
    int lines = p.lines().size();
    boolean bands = bands(plot, p);
    double span = plot.xs().length > 1 ? plot.xs()[plot.xs().length - 1] - plot.xs()[0] : 1;
    double dodge = plot.numeric() ? span * 0.012 : Math.min(0.6 / Math.max(lines, 1), 0.12);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (int i = 0; i < lines; i++) {
      PlotData.Line line = p.lines().get(i);
      double offset = bands ? 0 : (i - (lines - 1) / 2.0) * dodge;
      YIntervalSeries s = new YIntervalSeries(i + ":" + line.name(), false, true);
      for (int k = 0; k < plot.xs().length; k++) {
        PlotData.Est e = line.points().get(k);
        if (e.defined()) {
          double lo = e.hasInterval() ? e.low() : e.value();
          double hi = e.hasInterval() ? e.high() : e.value();
          s.add(plot.xs()[k] + offset, e.value(), lo, hi);
        }
      }
      data.addSeries(s);
    }
    XYLineAndShapeRenderer renderer;
    if (bands) {
      DeviationRenderer d = new DeviationRenderer(true, true);
      d.setAlpha(0.16f);
      renderer = d;
    } else {
      XYErrorRenderer e = new XYErrorRenderer();
      e.setDrawXError(false);
      e.setDrawYError(true);
      e.setCapLength(6);
      e.setErrorStroke(new BasicStroke(1.4f));
      e.setDefaultLinesVisible(plot.numeric());
      e.setDefaultShapesVisible(true);
      renderer = e;
    }
    for (int i = 0; i < lines; i++) {
      renderer.setSeriesPaint(i, PlotStyle.color(i));
      renderer.setSeriesFillPaint(i, PlotStyle.color(i));
      renderer.setSeriesShape(i, PlotStyle.marker(i));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShapesFilled(i, true);
    }
    XYPlot xy = new XYPlot(data, xAxis(plot), yAxis(plot, yRange), renderer);
    xy.setBackgroundPaint(Color.WHITE);
    xy.setDomainGridlinePaint(new Color(0xDDDDDD));
    xy.setRangeGridlinePaint(new Color(0xDDDDDD));
    xy.setDomainGridlinesVisible(plot.numeric());
    xy.setOutlinePaint(Color.GRAY);
    JFreeChart chart = new JFreeChart(null, TITLE, xy, false);
    if (!p.title().isEmpty()) {
      chart.setTitle(new TextTitle(p.title(), TITLE));
    }
    if (data.getItemCount(0) == 0 && lines == 1) {
      xy.setNoDataMessage("no cell defines this measure");
    }
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }

  private static ValueAxis xAxis(PlotData plot) {
    if (!plot.numeric()) {
      SymbolAxis a = new SymbolAxis(plot.xName(), plot.levels().toArray(new String[0]));
      a.setGridBandsVisible(false);
      a.setRange(-0.5, plot.levels().size() - 0.5);
      a.setLabelFont(AXIS);
      a.setTickLabelFont(TICKS);
      int chars = String.join("", plot.levels()).length();
      a.setVerticalTickLabels(chars * 7 + plot.levels().size() * 16 > 340);
      return a;
    }
    NumberAxis a = new NumberAxis(plot.xName());
    double lo = plot.xs()[0];
    double hi = plot.xs()[plot.xs().length - 1];
    double pad = hi > lo ? (hi - lo) * 0.05 : 0.5;
    a.setRange(lo - pad, hi + pad);
    a.setNumberFormatOverride(
        new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    a.setLabelFont(AXIS);
    a.setTickLabelFont(TICKS);
    return a;
  }

  private static NumberAxis yAxis(PlotData plot, double[] range) {
    NumberAxis a = new NumberAxis(MeasureCatalogue.unit(plot.measure()));
    a.setRange(range[0], range[1]);
    boolean share = MeasureCatalogue.isShare(plot.measure());
    a.setNumberFormatOverride(
        new DecimalFormat(share ? "0.#%" : "0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    a.setLabelFont(AXIS);
    a.setTickLabelFont(TICKS);
    return a;
  }

  /**
   * A y range that holds every point's interval and zero, with a little headroom, its ends on
   * multiples of a round step; shares stay within ±100%.
   */
  static double[] yRange(PlotData plot) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (PlotData.Panel p : plot.panels()) {
      for (PlotData.Line l : p.lines()) {
        for (PlotData.Est e : l.points()) {
          if (e.defined()) {
            lo = Math.min(lo, e.hasInterval() ? e.low() : e.value());
            hi = Math.max(hi, e.hasInterval() ? e.high() : e.value());
          }
        }
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    double bottom = Math.min(lo, 0);
    double top = Math.max(hi, 0);
    double span = top > bottom ? top - bottom : 0.1;
    double step = roundStep(span / 5);
    double low = Math.floor((bottom - (bottom < 0 ? 0.02 * span : 0)) / step + 1e-9) * step;
    double high = Math.ceil((top + (top > 0 ? 0.02 * span : 0)) / step - 1e-9) * step;
    if (MeasureCatalogue.isShare(plot.measure()) && lo < hi) {
      low = Math.max(low, -1);
      high = Math.min(high, 1);
    }
    return new double[] {low, Math.max(high, low + span)};
  }

  private static double roundStep(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    double f = x / p;
    return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * p;
  }
}
