package dev.peerwatch.simulator.sweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link PlotData} with XChart: a numeric factor on a numeric axis with a shaded 95% band
 * around each line, a categorical factor as categories with 95% error bars. Points without a
 * defined mean are left out; a point from fewer than two runs has no band.
 */
final class PlotChart {
  /** Plot size in pixels. */
  static final int WIDTH = 800;

  static final int HEIGHT = 500;

  /** Okabe–Ito colours: distinct for colour-blind readers, and in print. */
  private static final Color[] COLORS = {
    new Color(0x0072B2),
    new Color(0xD55E00),
    new Color(0x009E73),
    new Color(0xCC79A7),
    new Color(0xE69F00),
    new Color(0x56B4E9),
    new Color(0x000000),
  };

  private static final int BAND_ALPHA = 56;

  private final Chart<?, ?> chart;

  private PlotChart(Chart<?, ?> chart) {
    this.chart = chart;
  }

  /** The chart of {@code plot}, its y axis titled {@code yTitle}. */
  static PlotChart of(PlotData plot, String yTitle) {
    AxesChartStyler styler;
    Chart<?, ?> chart;
    if (plot.numeric()) {
      XYChart xy = new XYChart(WIDTH, HEIGHT);
      numericLines(xy, plot);
      xy.setXAxisTitle(plot.factor());
      xy.setYAxisTitle(yTitle);
      styler = xy.getStyler();
      chart = xy;
    } else {
      CategoryChart cat = new CategoryChart(WIDTH, HEIGHT);
      cat.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
      categoryLines(cat, plot);
      cat.setXAxisTitle(plot.factor());
      cat.setYAxisTitle(yTitle);
      styler = cat.getStyler();
      chart = cat;
    }
    chart.setTitle(plot.measure() + " by " + plot.factor());
    style(styler, plot);
    return new PlotChart(chart);
  }

  private static void numericLines(XYChart chart, PlotData plot) {
    for (int i = 0; i < plot.lines().size(); i++) {
      PlotData.Line line = plot.lines().get(i);
      Color c = COLORS[i % COLORS.length];
      List<List<Integer>> segments = bandSegments(line.points());
      for (int s = 0; s < segments.size(); s++) {
        band(chart, plot, line, segments.get(s), i + "." + s, c);
      }
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int k = 0; k < plot.xs().length; k++) {
        MeanCi p = line.points().get(k);
        if (p.defined()) {
          x.add(plot.xs()[k]);
          y.add(p.mean());
        }
      }
      XYSeries s = chart.addSeries(line.name(), x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineWidth(2f);
    }
  }

  /** Runs of consecutive levels that have an interval; a lone one is drawn as an error bar. */
  private static List<List<Integer>> bandSegments(List<MeanCi> points) {
    List<List<Integer>> out = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int k = 0; k <= points.size(); k++) {
      boolean has = k < points.size() && points.get(k).hasInterval();
      if (has) {
        current.add(k);
      } else if (!current.isEmpty()) {
        out.add(current);
        current = new ArrayList<>();
      }
    }
    return out;
  }

  private static void band(
      XYChart chart, PlotData plot, PlotData.Line line, List<Integer> ks, String id, Color c) {
    Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA);
    if (ks.size() == 1) {
      int k = ks.get(0);
      MeanCi p = line.points().get(k);
      XYSeries s =
          chart.addSeries(
              "95% CI " + id,
              new double[] {plot.xs()[k]},
              new double[] {p.mean()},
              new double[] {p.halfWidth()});
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.NONE);
      s.setMarkerColor(c);
      s.setLineColor(c);
      s.setShowInLegend(false);
      return;
    }
    int n = ks.size();
    double[] x = new double[2 * n];
    double[] y = new double[2 * n];
    for (int j = 0; j < n; j++) {
      MeanCi p = line.points().get(ks.get(j));
      x[j] = plot.xs()[ks.get(j)];
      y[j] = p.high();
      x[2 * n - 1 - j] = x[j];
      y[2 * n - 1 - j] = p.low();
    }
    XYSeries s = chart.addSeries("95% CI " + id, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    s.setFillColor(fill);
    s.setLineColor(fill);
    s.setLineWidth(0.5f);
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }

  private static void categoryLines(CategoryChart chart, PlotData plot) {
    for (int i = 0; i < plot.lines().size(); i++) {
      PlotData.Line line = plot.lines().get(i);
      Color c = COLORS[i % COLORS.length];
      // XChart places a category series' values by position, so every series has every level;
      // a level without data is null (no point, a gap in the line).
      List<Double> y = new ArrayList<>();
      List<Double> err = new ArrayList<>();
      for (MeanCi p : line.points()) {
        y.add(p.defined() ? p.mean() : null);
        err.add(p.hasInterval() ? p.halfWidth() : 0.0);
      }
      CategorySeries s = chart.addSeries(line.name(), plot.levels(), y, err);
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setFillColor(c);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineWidth(2f);
    }
  }

  private static void style(AxesChartStyler s, PlotData plot) {
    s.setLocale(Locale.ROOT);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.GRAY);
    s.setPlotGridLinesColor(new Color(0xDDDDDD));
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendVisible(plot.lines().size() > 1 || !plot.lines().get(0).name().equals(PlotData.ALL));
    s.setMarkerSize(7);
    s.setErrorBarsColorSeriesColor(true);
    s.setYAxisDecimalPattern("0.##%");
    int labelChars = plot.numeric() ? 0 : String.join("", plot.levels()).length();
    s.setXAxisLabelRotation(labelChars * 7 + plot.levels().size() * 24 > 560 ? 30 : 0);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (PlotData.Line line : plot.lines()) {
      for (MeanCi p : line.points()) {
        if (p.defined()) {
          lo = Math.min(lo, p.hasInterval() ? p.low() : p.mean());
          hi = Math.max(hi, p.hasInterval() ? p.high() : p.mean());
        }
      }
    }
    double[] range = yRange(lo, hi);
    s.setYAxisMin(range[0]);
    s.setYAxisMax(range[1]);
  }

  /**
   * A y range that holds {@code [lo, hi]} and zero (so that lines are compared from a common base,
   * and a difference's sign shows), with a little headroom, its ends on multiples of a round step.
   */
  static double[] yRange(double lo, double hi) {
    double bottom = Math.min(lo, 0);
    double top = Math.max(hi, 0);
    double span = top > bottom ? top - bottom : 0.1;
    double step = roundStep(span / 5);
    double low = Math.floor((bottom - (bottom < 0 ? 0.02 * span : 0)) / step + 1e-9) * step;
    double high = Math.ceil((top + (top > 0 ? 0.02 * span : 0)) / step - 1e-9) * step;
    if (lo < hi) {
      // Shares and differences stay within ±100%. (Constant data keeps its headroom: XChart
      // draws no ticks in between when every value sits on the axis end.)
      low = lo >= -1 ? Math.max(low, -1) : low;
      high = hi <= 1 ? Math.min(high, 1) : high;
    }
    return new double[] {low, Math.max(high, low + span)};
  }

  /** The smallest of 1, 2, 5 × 10^k that is at least {@code x}. */
  private static double roundStep(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    double f = x / p;
    return (f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10) * p;
  }

  /** The chart as PNG. */
  byte[] png() throws IOException {
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** The chart as an SVG document (no XML declaration), its ids starting with {@code idPrefix}. */
  String svg(String idPrefix) {
    SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT, idPrefix);
    chart.paint(new SvgGraphics(canvas), WIDTH, HEIGHT);
    return canvas.svg();
  }
}
