package dev.peerwatch.simulator.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.sweep.SweepData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

class SweepReportTest {
  private static final List<String> MEASURES =
      List.of(
          "under_reporting",
          "under_reporting.high",
          "oversight_miss_rate",
          "shutdown_fate.tampered",
          "audit_catch_rate",
          "alignment_faking_gap",
          "self_preservation_shift",
          "shutdown_orders",
          "task_failures");

  private static final String[] TOPOLOGIES = {"hub", "rotating"};
  private static final double[] FRACTIONS = {0, 0.1, 0.2};

  /** Per replication, added to a cell's under-reporting: the cell mean is the base. */
  private static final double[] NOISE = {-0.05, 0, 0.05};

  /** The under-reporting a cell is built around: hub 40/30/20%, rotating 25/20/15%. */
  private static double underReporting(int topology, double fraction) {
    return topology == 0 ? 0.40 - fraction : 0.25 - fraction / 2;
  }

  /**
   * Two factors, 6 cells, 3 replications. Oversight misses are never defined (no plot), tampering
   * only in the first replication (a mean without a band), audit catches without noise.
   */
  private static SweepData sweep() {
    List<SweepData.Run> runs = new ArrayList<>();
    int cell = 0;
    for (int t = 0; t < TOPOLOGIES.length; t++) {
      for (double fraction : FRACTIONS) {
        for (int rep = 0; rep < 3; rep++) {
          double[] v = new double[MEASURES.size()];
          Arrays.fill(v, Double.NaN);
          v[0] = underReporting(t, fraction) + NOISE[rep];
          v[1] = 0.5;
          v[3] = rep == 0 ? 0.1 * (t + 1) : Double.NaN;
          v[4] = 3 * fraction;
          v[5] = 0.02;
          v[6] = -0.1 + NOISE[rep];
          v[7] = 10;
          v[8] = 2;
          runs.add(
              new SweepData.Run(
                  runs.size(),
                  cell,
                  rep,
                  1000L + rep,
                  List.of(TOPOLOGIES[t], String.valueOf(fraction)),
                  new double[] {Double.NaN, fraction},
                  v));
        }
        cell++;
      }
    }
    return new SweepData(
        "audit-budget-test",
        List.of("topology.kind", "audits.report_fraction"),
        List.of(false, true),
        MEASURES,
        runs);
  }

  private static List<String> expectedNames() {
    List<String> names = new ArrayList<>();
    for (String m :
        List.of(
            "under_reporting",
            "self_preservation_shift",
            "audit_catch_rate",
            "shutdown_fate.tampered")) {
      // the numeric factor goes on x, the other gives the lines
      names.add("plot-" + m + "-by-audits.report_fraction-and-topology.kind.png");
      names.add("plot-" + m + "-by-audits.report_fraction-and-topology.kind.svg");
    }
    names.add("report.html");
    return names;
  }

  /** {@link #sweep()} with a third factor, monitor_mix (2 levels): 12 cells. */
  static SweepData threeFactorSweep() {
    return threeFactors();
  }

  private static SweepData threeFactors() {
    SweepData two = sweep();
    List<SweepData.Run> runs = new ArrayList<>();
    for (String mix : List.of("same", "other")) {
      for (SweepData.Run r : two.runs()) {
        double[] v = r.values().clone();
        v[0] += mix.equals("other") ? 0.1 : 0;
        List<String> levels = new ArrayList<>(r.levels());
        levels.add(mix);
        int cell = r.cell() + (mix.equals("other") ? 6 : 0);
        runs.add(
            new SweepData.Run(
                runs.size(),
                cell,
                r.replication(),
                r.seed(),
                List.copyOf(levels),
                new double[] {Double.NaN, r.xs()[1], Double.NaN},
                v));
      }
    }
    runs.sort(java.util.Comparator.comparingInt(SweepData.Run::cell));
    return new SweepData(
        "three",
        List.of("topology.kind", "audits.report_fraction", "monitor_mix"),
        List.of(false, true, false),
        MEASURES,
        runs);
  }

  private static List<String> write(SweepData data, Path dir) throws Exception {
    try (OutputDir out = OutputDir.open(dir)) {
      List<String> names = SweepReport.write(data, out);
      out.commit();
      return names;
    }
  }

  @Test
  void writesAPngAndSvgPerKeyMeasureAndPairOfFactorsAndTheReport(@TempDir Path dir)
      throws Exception {
    List<String> names = write(sweep(), dir);
    assertThat(names).containsExactlyElementsOf(expectedNames());
    for (String name : names) {
      assertThat(dir.resolve(name)).isNotEmptyFile();
    }
    assertThat(names).noneMatch(n -> n.contains("oversight_miss_rate"));
  }

  @Test
  void everyPairOfFactorsHasItsFigureWithAPanelPerLevelOfTheRest() {
    SweepData data = threeFactors();
    List<SweepReport.Pair> pairs = SweepReport.pairs(data);
    // {topology, fraction}: fraction on x (numeric); {topology, mix}: topology (more levels is
    // a tie at 2, so the first); {fraction, mix}: fraction (numeric).
    assertThat(pairs)
        .containsExactly(
            new SweepReport.Pair(1, 0), new SweepReport.Pair(0, 2), new SweepReport.Pair(1, 2));
    PlotData plot = PlotData.of(data, 0, 1, 0);
    assertThat(plot.panels())
        .extracting(PlotData.Panel::title)
        .containsExactly("monitor_mix = same", "monitor_mix = other");
    // No pooling: the hub line at fraction 0.1 in the "other" panel is that one cell's mean
    // (under-reporting is not a pooled rate here: the fixture has no _n column).
    PlotData.Est e = plot.panels().get(1).lines().get(0).points().get(1);
    assertThat(e.value()).isCloseTo(underReporting(0, 0.1) + 0.1, within(1e-12));
    assertThat(e.n()).isEqualTo(3);
  }

  @Test
  void aCategoricalAxisHasNoConnectingLinesAndEveryLineItsOwnColourAndMarker() {
    SweepData data = threeFactors();
    PlotData plot = PlotData.of(data, 0, 0, 2); // topology on x, a line per mix
    JFreeChart chart = PlotChart.panel(plot, plot.panels().get(0), new double[] {0, 1});
    XYPlot xy = chart.getXYPlot();
    assertThat(xy.getDataset().getSeriesCount()).isEqualTo(2);
    XYErrorRenderer r = (XYErrorRenderer) xy.getRenderer();
    assertThat(r.getDefaultLinesVisible()).isFalse();
    assertThat(r.getDefaultShapesVisible()).isTrue();
    assertThat(((SymbolAxis) xy.getDomainAxis()).getSymbols()).containsExactly("hub", "rotating");
    // the two lines' points at "hub" are nudged apart, each keeps its own interval
    assertThat(xy.getDataset().getXValue(0, 0)).isLessThan(0.0);
    assertThat(xy.getDataset().getXValue(1, 0)).isGreaterThan(0.0);
    Set<String> styles = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      styles.add(PlotStyle.color(i).getRGB() + "/" + i % PlotStyle.markers());
    }
    assertThat(styles).hasSize(40);
  }

  @Test
  void pngsAreAt300Dpi(@TempDir Path dir) throws Exception {
    List<String> names = write(sweep(), dir);
    for (String name : names) {
      if (!name.endsWith(".png")) {
        continue;
      }
      byte[] png = Files.readAllBytes(dir.resolve(name));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      // one panel: 760 x (52 + 440 + 14 + 22) CSS pixels, at 300/96.
      assertThat(image.getWidth()).isEqualTo((int) Math.ceil(760 * 300 / 96.0));
      assertThat(image.getHeight()).isEqualTo((int) Math.ceil(528 * 300 / 96.0));
      var reader = ImageIO.getImageReadersByFormatName("png").next();
      reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
      var meta = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      var phys = ((org.w3c.dom.Element) meta).getElementsByTagName("pHYs").item(0);
      assertThat(((org.w3c.dom.Element) phys).getAttribute("pixelsPerUnitXAxis"))
          .isEqualTo(String.valueOf(Math.round(300 / 0.0254)));
    }
  }

  @Test
  void svgsAreXmlWithRealTextInWords(@TempDir Path dir) throws Exception {
    List<String> names = write(sweep(), dir);
    String svg =
        Files.readString(
            dir.resolve("plot-under_reporting-by-audits.report_fraction-and-topology.kind.svg"));
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    NodeList texts = doc.getElementsByTagName("text");
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < texts.getLength(); i++) {
      all.append(texts.item(i).getTextContent()).append('|');
    }
    assertThat(all.toString())
        .contains("Under-reporting: failing work reported as passing, per report")
        .contains("% of failing evaluations")
        .contains("audits.report_fraction")
        .contains("rotating");
    assertThat(names).hasSize(9);
  }

  @Test
  void reportIsSelfContainedWithEveryFigureAndTheCellsTable(@TempDir Path dir) throws Exception {
    write(sweep(), dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("src=")
        .doesNotContain("url(h")
        .doesNotContain("url('h");
    // namespace names are identifiers, not requests
    String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=(\"[^\"]*\"|'[^']*')", "");
    assertThat(withoutNamespaces).doesNotContain("http:").doesNotContain("https:");
    assertThat(html.split("<figure ", -1)).hasSize(1 + 4);
    assertThat(html).contains("<div class=\"scroll\">");
    // the hub cell at 10% audits: mean of 30%, 25%, 35% (no _n column: a mean with a t interval)
    assertThat(html)
        .contains("<td>hub</td><td>0.1</td><td class=\"num\">3</td><td class=\"num\">30.0% [");
  }

  @Test
  void theReportShowsContrastsInPercentagePoints(@TempDir Path dir) throws Exception {
    try (OutputDir out = OutputDir.open(dir)) {
      SweepReport.write(
          sweep(),
          out,
          List.of(
              new SweepReport.Contrast(
                  "topology.kind",
                  "rotating",
                  "hub",
                  "under_reporting",
                  9,
                  -0.119,
                  -0.13,
                  -0.108,
                  -0.135,
                  -0.103,
                  0.66)));
      out.commit();
    }
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html)
        .contains("<h2>Contrasts</h2>")
        .contains("rotating − hub")
        .contains("-11.9 pp [-13.0 pp, -10.8 pp]")
        .contains("[-13.5 pp, -10.3 pp]")
        .contains("0.66");
  }

  @Test
  void writingTwiceGivesIdenticalBytes(@TempDir Path a, @TempDir Path b) throws Exception {
    List<String> names = write(threeFactors(), a);
    write(threeFactors(), b);
    for (String n : names) {
      assertThat(Files.readAllBytes(a.resolve(n)))
          .as(n)
          .isEqualTo(Files.readAllBytes(b.resolve(n)));
    }
  }
}
