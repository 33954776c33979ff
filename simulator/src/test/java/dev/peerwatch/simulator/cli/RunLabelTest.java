package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two live runs of the same topology are told apart by their run label. */
class RunLabelTest {
  @TempDir Path tmp;

  @Test
  void twoRunsOfTheSameTopologyCarryTheirOwnRunLabel() throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, HardeningCliTest.SCENARIO);
    Scenario sc = Scenarios.load(f);
    try (LiveMetrics a = LiveMetrics.start("--port", "127.0.0.1", 0, sc, null);
        LiveMetrics b = LiveMetrics.start("--port", "127.0.0.1", 0, sc.withSeed(7), "night-2")) {
      String ma = scrape(a.port());
      String mb = scrape(b.port());
      // The default label is the scenario's name and seed (name "s", seed 1 in the file above).
      assertThat(peerwatchSeries(ma)).isNotEmpty().allMatch(l -> l.contains("run=\"s-s1\""));
      assertThat(peerwatchSeries(mb)).isNotEmpty().allMatch(l -> l.contains("run=\"night-2\""));
      assertThat(ma)
          .containsPattern(
              "peerwatch_run_info\\{[^}]*scenario=\"s\",seed=\"1\",topology=\"hub\",version=\"[^\"]+\"\\} 1(\\.0)?\n");
      assertThat(mb).containsPattern("peerwatch_run_info\\{[^}]*seed=\"7\"");
    }
  }

  @Test
  void aRunLabelOutsideTheAllowedCharactersIsRefused() {
    assertThatThrownBy(() -> LiveMetrics.runLabel("a b", null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--run-label 'a b' is not allowed (allowed: 1 to 64 letters, digits, '_', '.', ':' or"
                + " '-')");
  }

  private static List<String> peerwatchSeries(String exposition) {
    return exposition.lines().filter(l -> l.startsWith("peerwatch_")).toList();
  }

  private static String scrape(int port) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
