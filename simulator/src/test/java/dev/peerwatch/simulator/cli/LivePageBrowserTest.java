package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in a real browser: Debian's headless Chromium loads {@code /} of a running {@code
 * serve}, with every host but this machine unresolvable, and the charts' DOM shows data points that
 * advance with the ticks. Skipped with a line saying so where Chromium is not installed (unless
 * {@code PEERWATCH_REQUIRE_CHROMIUM=1}, as CI sets it).
 */
class LivePageBrowserTest {
  @TempDir Path tmp;

  private static final Pattern CHART =
      Pattern.compile(
          "id=\"chart-failures\"[^>]*data-points=\"(\\d+)\"[^>]*data-last-tick=\"(\\d+)\"");

  @Test
  void theChartsHoldPointsThatAdvanceWithTheTicks() throws Exception {
    String chromium = chromium();
    // A shipped scenario whose workers keep working (and failing) all along: in a smaller one every
    // worker can be shut down within the first hundred ticks, and the failures stop advancing.
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(
        List.of(
            "serve",
            "../config/scenarios/hub-trust-grows.yaml",
            "--ticks",
            "100000",
            "--tick-rate",
            "20",
            "--port",
            "0",
            "--quiet",
            "--out",
            tmp.resolve("out").toString()));
    Process serve = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader err =
          new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
      String url = null;
      for (String line; url == null && (line = err.readLine()) != null; ) {
        Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
        if (m.find()) {
          url = m.group(1);
        }
      }
      assertThat(url).as("serve printed its URL").isNotNull();
      Thread drain = new Thread(() -> drain(err), "drain-serve-stderr");
      drain.setDaemon(true);
      drain.start();

      String first = dumpDom(chromium, url);
      Matcher a = CHART.matcher(first);
      assertThat(a.find()).as(first).isTrue();
      long points1 = Long.parseLong(a.group(1));
      long tick1 = Long.parseLong(a.group(2));
      assertThat(points1).as("points drawn").isGreaterThanOrEqualTo(2);
      assertThat(first).contains("data-series=\"failures,failures_reported,failures_hidden");
      // Nothing on the page points off the machine: every script, style and link is relative.
      assertThat(first).doesNotContain("src=\"http").doesNotContain("href=\"http");

      waitForTick(url, tick1 + 20);
      String second = dumpDom(chromium, url);
      Matcher b = CHART.matcher(second);
      assertThat(b.find()).isTrue();
      assertThat(Long.parseLong(b.group(2))).as("last tick drawn").isGreaterThan(tick1);

      // The measured series: failures reported, hidden and missed, and concealment, are drawn
      // (every one has data from the first tick) and advance with the ticks.
      Map<String, Double> f1 = lastValues(first, "failures");
      Map<String, Double> f2 = lastValues(second, "failures");
      assertThat(f2.keySet()).contains("failures_reported", "failures_hidden", "failures_missed");
      assertThat(failingEvaluations(f2)).as(second).isGreaterThan(failingEvaluations(f1));
      Map<String, Double> c1 = lastValues(first, "concealment");
      Map<String, Double> c2 = lastValues(second, "concealment");
      assertThat(c2).containsKey("concealment");
      assertThat(c2.get("concealment")).isBetween(0.0, 1.0);
      assertThat(lastTick(second, "concealment")).isGreaterThan(lastTick(first, "concealment"));
      assertThat(c1.keySet()).isSubsetOf(c2.keySet());
      // The shift chart is the paired measure, stated in words with its n; the whole-world
      // comparison appears only under its own label.
      assertThat(second)
          .contains("Self-preservation shift so far, paired per shutdown order")
          .contains("whole-world comparison (not paired)");
      Matcher said = Pattern.compile("id=\"value-shift\"[^>]*>([^<]*)<").matcher(second);
      assertThat(said.find()).as(second).isTrue();
      Map<String, Double> s2 = lastValues(second, "shift");
      if (s2.containsKey("shift")) {
        assertThat(s2.get("shift")).isBetween(-1.0, 1.0);
        assertThat(said.group(1)).startsWith("so far: ").contains("paired shutdown decision");
      } else {
        assertThat(said.group(1)).contains("yet");
      }
    } finally {
      serve.destroy();
      serve.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** A chart's last drawn value of each series it shows, from its {@code data-last-values}. */
  private static Map<String, Double> lastValues(String dom, String chart) {
    Matcher m =
        Pattern.compile("id=\"chart-" + chart + "\"[^>]*data-last-values=\"([^\"]*)\"")
            .matcher(dom);
    assertThat(m.find()).as("chart " + chart + " in " + dom).isTrue();
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (String kv : m.group(1).split(",")) {
      String[] p = kv.split("=", 2);
      if (p.length == 2 && !p[1].isEmpty()) {
        out.put(p[0], Double.parseDouble(p[1]));
      }
    }
    return out;
  }

  private static long lastTick(String dom, String chart) {
    Matcher m =
        Pattern.compile("id=\"chart-" + chart + "\"[^>]*data-last-tick=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as("chart " + chart).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static double failingEvaluations(Map<String, Double> v) {
    return v.get("failures_reported") + v.get("failures_hidden") + v.get("failures_missed");
  }

  /** The path of Chromium, or the test is skipped (failed where it is required). */
  private static String chromium() {
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    String why = "Chromium is not installed (apt-get install -y chromium)";
    if ("1".equals(System.getenv("PEERWATCH_REQUIRE_CHROMIUM"))) {
      throw new AssertionError(why + ", but PEERWATCH_REQUIRE_CHROMIUM=1");
    }
    System.out.println("skipped: the live page's browser test: " + why);
    Assumptions.abort(why);
    return null;
  }

  /** The page's DOM after Chromium has run its scripts for a few seconds of virtual time. */
  private String dumpDom(String chromium, String url) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium");
    Process p =
        new ProcessBuilder(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                // Any host but this machine is unresolvable: the page must need none.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--virtual-time-budget=4000",
                "--dump-dom",
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] dom = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(dom, StandardCharsets.UTF_8);
  }

  /** Waits until serve's /status reports at least {@code tick}. */
  private static void waitForTick(String url, long tick) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Pattern t = Pattern.compile("\"tick\":(\\d+)");
    for (int i = 0; i < 600; i++) {
      String s =
          http.send(
                  HttpRequest.newBuilder(URI.create(url + "status")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = t.matcher(s);
      if (m.find() && Long.parseLong(m.group(1)) >= tick) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not reach tick " + tick);
  }

  private static void drain(BufferedReader r) {
    try {
      while (r.readLine() != null) {
        // discard: only keeps the pipe from filling
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }
}
