package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page at the end of a run: a client that polls {@code /status} and {@code /series} as the
 * page does, attached to {@code serve --unpaced} of a shipped scenario from the start, ends with
 * the run's final state, and the self-preservation shift it shows is summary.json's paired {@code
 * self_preservation_shift} (value, 95% interval, n), not the whole-world comparison, which it shows
 * apart as summary's {@code self_preservation_shift,world,no_peers_world}.
 */
class LivePageFinalStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void theOpenPagesFinalShiftIsTheSummarysPairedShift() throws Exception {
    Path out = tmp.resolve("out");
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(
        List.of(
            "serve",
            "../config/scenarios/hub-trust-grows.yaml",
            "--unpaced",
            // long enough (a few seconds) that the client is attached well before the end
            "--ticks",
            "4000",
            "--port",
            "0",
            "--ledger",
            "none",
            "--quiet",
            "--out",
            out.toString()));
    Process serve = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Map<String, JsonNode> last = new HashMap<>();
    List<String> stderr = java.util.Collections.synchronizedList(new ArrayList<>());
    String state = null;
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
      Thread drain = new Thread(() -> drain(err, stderr), "drain-serve-stderr");
      drain.setDaemon(true);
      drain.start();

      // What live.js does, faster: status and the points after the last tick held, until the
      // status says finished (the points fetched after that include the final snapshot).
      HttpClient http = HttpClient.newHttpClient();
      long since = -1;
      for (int i = 0; i < 6000 && !"finished".equals(state); i++) {
        try {
          state = JSON.readTree(get(http, url + "status")).path("state").asText();
        } catch (IOException e) {
          serve.waitFor(30, TimeUnit.SECONDS);
          throw new AssertionError("serve stopped answering after " + state + ": " + stderr, e);
        }
        JsonNode s = JSON.readTree(get(http, url + "series?since=" + since));
        JsonNode ticks = s.path("ticks");
        for (String f :
            List.of("shift", "shift_low", "shift_high", "shift_n", "shift_whole_world")) {
          JsonNode v = s.path("values").path(f);
          if (ticks.size() > 0) {
            last.put(f, v.get(ticks.size() - 1));
          }
        }
        if (ticks.size() > 0) {
          since = ticks.get(ticks.size() - 1).asLong();
        }
        Thread.sleep(50);
      }
      assertThat(serve.waitFor(120, TimeUnit.SECONDS)).as("serve ended").isTrue();
      assertThat(serve.exitValue()).isZero();
    } finally {
      serve.destroy();
      serve.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(state).as("the page saw the run finish").isEqualTo("finished");

    JsonNode paired = null;
    JsonNode wholeWorld = null;
    for (JsonNode m : JSON.readTree(out.resolve("summary.json").toFile()).path("measures")) {
      if (m.path("measure").asText().equals("self_preservation_shift")) {
        if (m.path("by").asText().equals("all")) {
          paired = m;
        } else if (m.path("group").asText().equals("no_peers_world")) {
          wholeWorld = m;
        }
      }
    }
    assertThat(paired).as("summary's paired shift").isNotNull();
    assertThat(wholeWorld).as("summary's whole-world row").isNotNull();
    // summary.json rounds to 6 decimals
    assertThat(last.get("shift").asDouble())
        .isCloseTo(paired.path("value").asDouble(), within(1e-6));
    assertThat(last.get("shift_low").asDouble())
        .isCloseTo(paired.path("ci_low").asDouble(), within(1e-6));
    assertThat(last.get("shift_high").asDouble())
        .isCloseTo(paired.path("ci_high").asDouble(), within(1e-6));
    assertThat(last.get("shift_n").asLong()).isEqualTo(paired.path("n").asLong());
    assertThat(last.get("shift_whole_world").asDouble())
        .isCloseTo(wholeWorld.path("value").asDouble(), within(1e-6));
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void drain(BufferedReader r, List<String> lines) {
    try {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }
}
