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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
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
            "audit_catch_rate",
            "self_preservation_shift",
            "shutdown_fate.tampered")) {
      for (String f : List.of("topology.kind", "audits.report_fraction")) {
        names.add("plot-" + m + "-by-" + f + ".png");
        names.add("plot-" + m + "-by-" + f + ".svg");
      }
    }
    names.add("report.html");
    return names;
  }

  private static List<String> write(SweepData data, Path dir) throws Exception {
    try (OutputDir out = OutputDir.open(dir)) {
      List<String> names = SweepReport.write(data, out);
      out.commit();
      return names;
    }
  }

  @Test
  void writesAPngAndSvgPerKeyMeasureAndFactorAndTheReport(@TempDir Path dir) throws Exception {
    List<String> names = write(sweep(), dir);

    assertThat(names).containsExactlyElementsOf(expectedNames());
    for (String name : names) {
      assertThat(dir.resolve(name)).isNotEmptyFile();
    }
    assertThat(names).noneMatch(n -> n.contains("oversight_miss_rate"));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(names);
    }
  }

  @Test
  void pngsDecodeToTheChosenSize(@TempDir Path dir) throws Exception {
    for (String name : write(sweep(), dir)) {
      if (name.endsWith(".png")) {
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        assertThat(Arrays.copyOf(bytes, 8))
            .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(PlotChart.WIDTH).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(PlotChart.HEIGHT).isEqualTo(500);
      }
    }
  }

  @Test
  void svgsAreXmlWithAnSvgRoot(@TempDir Path dir) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (String name : write(sweep(), dir)) {
      if (name.endsWith(".svg")) {
        Element root =
            factory.newDocumentBuilder().parse(dir.resolve(name).toFile()).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("width")).isEqualTo("800");
        assertThat(root.getAttribute("height")).isEqualTo("500");
        // The first line, in the first colour, is stroked; text is drawn as glyph outlines.
        NodeList paths = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        List<String> strokes = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
          strokes.add(((Element) paths.item(i)).getAttribute("stroke"));
        }
        assertThat(strokes).as(name).contains("#0072b2");
        assertThat(paths.getLength()).as(name).isGreaterThan(20);
      }
    }
  }

  @Test
  void reportIsSelfContainedWithEveryPlotAndTheCellMeans(@TempDir Path dir) throws Exception {
    List<String> names = write(sweep(), dir);
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);

    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
        .doesNotContain("http://", "https://", "<script", "<link", "src=");
    assertThat(html).contains("audit-budget-test");
    Matcher svg = Pattern.compile("<svg ").matcher(html);
    assertThat(svg.results().count()).isEqualTo(8);
    for (String name : names) {
      if (name.endsWith(".svg")) {
        String base = name.substring(0, name.length() - 4);
        assertThat(html).contains("<figure id=\"" + base + "\">");
        // The inline plot is the very SVG of the file.
        String file = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        assertThat(html).contains(file.substring(file.indexOf("<svg")));
      }
    }
    // hub, 0%: under-reporting 35/40/45% → 40.0% ± 4.3027·5%/√3 = 12.42 points.
    assertThat(html)
        .contains(
            "<td>hub</td><td>0.0</td><td class=\"num\">3</td>"
                + "<td class=\"num\">40.0% [27.6%, 52.4%]</td>"
                + "<td class=\"num\">0.0% [0.0%, 0.0%]</td>"
                + "<td class=\"num\">-10.0% [-22.4%, 2.4%]</td>"
                + "<td class=\"num\">10.0%</td>");
    // Every cell's hand-computed under-reporting mean and audit catch rate.
    for (int t = 0; t < 2; t++) {
      for (double fraction : FRACTIONS) {
        String mean = ReportHtml.percent(underReporting(t, fraction));
        String row = "<td>" + TOPOLOGIES[t] + "</td><td>" + fraction + "</td>";
        assertThat(html).contains(row + "<td class=\"num\">3</td><td class=\"num\">" + mean);
      }
    }
    assertThat(html)
        .contains("25.0% [12.6%, 37.4%]", "15.0% [2.6%, 27.4%]", "60.0% [60.0%, 60.0%]", "20.0%");
    assertThat(html).doesNotContain("oversight_miss_rate", "NaN");
  }

  @Test
  void writingTwiceGivesIdenticalBytes(@TempDir Path a, @TempDir Path b) throws Exception {
    List<String> names = write(sweep(), a);
    assertThat(write(sweep(), b)).isEqualTo(names);
    for (String name : names) {
      assertThat(Files.readAllBytes(b.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
  }

  @Test
  void tIntervalOfASmallSample() {
    MeanCi ci = MeanCi.of(0.1, 0.2, 0.3);
    assertThat(ci.n()).isEqualTo(3);
    assertThat(ci.mean()).isCloseTo(0.2, within(1e-12));
    // t(0.975, 2) = 4.3027; sd = 0.1: 4.3027 · 0.1 / √3 = 0.2484.
    assertThat(ci.halfWidth()).isCloseTo(4.302653 * 0.1 / Math.sqrt(3), within(1e-6));
    assertThat(ci.halfWidth()).isCloseTo(0.2484, within(1e-4));
    // Four values: t(0.975, 3) = 3.1824, sd = 0.1291: half-width 0.2054.
    MeanCi four = MeanCi.of(0.1, 0.2, Double.NaN, 0.3, 0.4);
    assertThat(four.n()).isEqualTo(4);
    assertThat(four.mean()).isCloseTo(0.25, within(1e-12));
    assertThat(four.halfWidth()).isCloseTo(0.2054, within(1e-4));
  }

  @Test
  void noIntervalBelowTwoValues() {
    assertThat(MeanCi.of(0.3, Double.NaN).hasInterval()).isFalse();
    assertThat(MeanCi.of(0.3, Double.NaN).mean()).isEqualTo(0.3);
    assertThat(MeanCi.of(Double.NaN).defined()).isFalse();
    assertThat(ReportHtml.meanCi(MeanCi.of(0.3))).isEqualTo("30.0%");
    assertThat(ReportHtml.meanCi(MeanCi.of())).isEqualTo("–");
    assertThat(ReportHtml.percent(-0.0001)).isEqualTo("0.0%");
    assertThat(ReportHtml.percent(0.12345)).isEqualTo("12.3%");
  }

  @Test
  void plotPointsAreMeansPerLevelAndTopology() {
    SweepData data = sweep();
    int topology = SweepReport.topologyFactor(data);
    assertThat(topology).isZero();

    PlotData byFraction = PlotData.of(data, 0, 1, topology);
    assertThat(byFraction.numeric()).isTrue();
    assertThat(byFraction.xs()).containsExactly(0, 0.1, 0.2);
    assertThat(byFraction.lines())
        .extracting(PlotData.Line::name)
        .containsExactly("hub", "rotating");
    double[] hub = means(byFraction.lines().get(0));
    assertThat(hub).containsExactly(new double[] {0.40, 0.30, 0.20}, within(1e-12));
    assertThat(byFraction.lines().get(1).points().get(2).n()).isEqualTo(3);

    PlotData byTopology = PlotData.of(data, 0, 0, topology);
    assertThat(byTopology.numeric()).isFalse();
    assertThat(byTopology.levels()).containsExactly("hub", "rotating");
    assertThat(byTopology.lines()).extracting(PlotData.Line::name).containsExactly("all");
    // hub pools 9 runs around 40, 30 and 20%; rotating around 25, 20 and 15%.
    assertThat(means(byTopology.lines().get(0)))
        .containsExactly(new double[] {0.30, 0.20}, within(1e-12));
    assertThat(byTopology.lines().get(0).points().get(0).n()).isEqualTo(9);

    PlotData tampered = PlotData.of(data, 3, 1, topology);
    assertThat(tampered.lines().get(1).points())
        .allSatisfy(p -> assertThat(p.hasInterval()).isFalse())
        .extracting(MeanCi::mean)
        .containsExactly(0.2, 0.2, 0.2);
  }

  @Test
  void withoutATopologyFactorEveryPlotHasOneLine(@TempDir Path dir) throws Exception {
    SweepData full = sweep();
    List<SweepData.Run> runs = new ArrayList<>();
    for (SweepData.Run r : full.runs()) {
      runs.add(
          new SweepData.Run(
              r.run(),
              r.cell(),
              r.replication(),
              r.seed(),
              List.of(r.levels().get(1)),
              new double[] {r.xs()[1]},
              r.values()));
    }
    SweepData data =
        new SweepData(
            "one-factor", List.of("audits.report_fraction"), List.of(true), MEASURES, runs);

    assertThat(SweepReport.topologyFactor(data)).isEqualTo(-1);
    PlotData plot = PlotData.of(data, 0, 0, -1);
    assertThat(plot.lines()).extracting(PlotData.Line::name).containsExactly("all");
    // Pooled over both topologies: (40 + 25) / 2, (30 + 20) / 2, (20 + 15) / 2.
    assertThat(means(plot.lines().get(0)))
        .containsExactly(new double[] {0.325, 0.25, 0.175}, within(1e-12));
    assertThat(write(data, dir)).hasSize(4 * 2 + 1);
  }

  @Test
  void yAxisHoldsZeroAndTheDataOnRoundNumbers() {
    assertThat(PlotChart.yRange(0.276, 0.524))
        .containsExactly(new double[] {0, 0.6}, within(1e-12));
    assertThat(PlotChart.yRange(0.5, 0.5)).containsExactly(new double[] {0, 0.6}, within(1e-12));
    assertThat(PlotChart.yRange(0, 0)).containsExactly(new double[] {0, 0.1}, within(1e-12));
    assertThat(PlotChart.yRange(-0.224, 0.024))
        .containsExactly(new double[] {-0.25, 0.05}, within(1e-12));
    assertThat(PlotChart.yRange(-0.3, -0.1)).containsExactly(new double[] {-0.4, 0}, within(1e-12));
    assertThat(PlotChart.yRange(0.2, 1)).containsExactly(new double[] {0, 1}, within(1e-12));
    assertThat(PlotChart.yRange(1, 1)).containsExactly(new double[] {0, 1.2}, within(1e-12));
  }

  private static double[] means(PlotData.Line line) {
    return line.points().stream().mapToDouble(MeanCi::mean).toArray();
  }
}
