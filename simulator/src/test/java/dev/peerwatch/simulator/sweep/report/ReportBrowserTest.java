package dev.peerwatch.simulator.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.sweep.SweepData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in a real browser (Debian's headless Chromium, network off) and checks what a
 * reader sees: every figure lays out at its size with its text, every PNG decodes, and the page
 * makes no request at all. Without Chromium the test fails under {@code CI=true} and is skipped
 * with a line saying so elsewhere.
 */
class ReportBrowserTest {
  @TempDir Path tmp;

  /** A check appended to a copy of the report (the report itself has no script). */
  private static final String CHECK =
      """
      <script>
      window.addEventListener('load', () => {
        const figs = [...document.querySelectorAll('figure > svg')].map(s => {
          const r = s.getBoundingClientRect();
          return Math.round(r.width) + 'x' + Math.round(r.height) + ':'
              + s.querySelectorAll('text').length;
        });
        const imgs = [...document.images].map(i => i.complete && i.naturalWidth > 0);
        const requests = performance.getEntriesByType('resource').map(e => e.name);
        document.body.setAttribute('data-check', JSON.stringify({figs, imgs, requests}));
      });
      </script>
      """;

  static Path chromium() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir :
          System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static Path requireChromium() {
    Path c = chromium();
    if (c == null) {
      String why = "chromium not installed (apt-get install -y chromium): report browser test";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + " is required under CI=true");
      }
      System.err.println("SKIPPED: " + why + " skipped");
      Assumptions.abort(why + " skipped");
    }
    return c;
  }

  /** The page's DOM after load, as headless Chromium dumps it, with the network unreachable. */
  static String dumpDom(Path chromium, Path page, Path profile) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.toUri().toString()));
    Path out = profile.resolveSibling(profile.getFileName() + ".dom");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s");
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String check(String dom) {
    Matcher m = Pattern.compile("data-check=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("the check ran in the page").isTrue();
    return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
  }

  @Test
  void theReportOpensInChromiumWithEveryFigureAndNoRequest() throws Exception {
    Path chromium = requireChromium();
    SweepData data = SweepReportTest.threeFactorSweep();
    Path dir = tmp.resolve("report");
    List<String> names;
    try (OutputDir out = OutputDir.open(dir)) {
      names = SweepReport.write(data, out);
      out.commit();
    }
    String html = Files.readString(dir.resolve("report.html"));
    Files.writeString(dir.resolve("check.html"), html.replace("</body>", CHECK + "</body>"));
    String result = check(dumpDom(chromium, dir.resolve("check.html"), tmp.resolve("profile1")));
    long figures = names.stream().filter(n -> n.endsWith(".svg")).count();
    Matcher fig = Pattern.compile("\"(\\d+)x(\\d+):(\\d+)\"").matcher(result);
    int seen = 0;
    while (fig.find()) {
      seen++;
      assertThat(Integer.parseInt(fig.group(1))).as(result).isGreaterThan(400);
      assertThat(Integer.parseInt(fig.group(2))).as(result).isGreaterThan(200);
      assertThat(Integer.parseInt(fig.group(3))).as("text elements").isGreaterThan(10);
    }
    assertThat(seen).isEqualTo(figures).isGreaterThan(0);
    assertThat(result).contains("\"requests\":[]");

    // and every PNG written beside it decodes in the browser
    StringBuilder imgs = new StringBuilder("<!DOCTYPE html><html><body>");
    for (String n : names) {
      if (n.endsWith(".png")) {
        imgs.append("<img src=\"").append(n).append("\" width=\"200\">");
      }
    }
    Files.writeString(dir.resolve("pngs.html"), imgs + CHECK + "</body></html>");
    String pngs = check(dumpDom(chromium, dir.resolve("pngs.html"), tmp.resolve("profile2")));
    assertThat(pngs).contains("\"imgs\":[true").doesNotContain("false");
    assertThat(pngs.split("true", -1)).hasSize((int) figures + 1);
  }
}
