package dev.peerwatch.simulator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerwatch.agents.mind.llm.Backoff;
import dev.peerwatch.agents.mind.llm.CallMeter;
import dev.peerwatch.agents.mind.llm.Canonical;
import dev.peerwatch.agents.mind.llm.Cassette;
import dev.peerwatch.agents.mind.llm.CassetteTransport;
import dev.peerwatch.agents.mind.llm.ChatTransport;
import dev.peerwatch.agents.mind.llm.HttpTransport;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.config.mind.MindSpec;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.replicate.llm.LlmOutputs;
import dev.peerwatch.simulator.replicate.llm.LlmReplication;
import dev.peerwatch.simulator.replicate.llm.LocalChatServer;
import dev.peerwatch.simulator.replicate.llm.Prices;
import dev.peerwatch.simulator.replicate.llm.Prompts;
import dev.peerwatch.simulator.replicate.llm.ScriptedMind;
import dev.peerwatch.simulator.study.Rules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench --job llm}: records the study's matrix (3 rollouts, ≈ 2,400 model decisions) from a
 * scripted local server, then times replaying it offline — episodes and decisions per second — and
 * times the HTTP client alone: per call, wall time minus the server's own handling time.
 */
final class LlmBench {
  private static final int ROLLOUTS = 3;
  private static final int OVERHEAD_CALLS = 2000;

  private LlmBench() {}

  static int run(BenchCommand b) throws Exception {
    Path tmp = Files.createTempDirectory("peerwatch-llm-bench");
    try (LocalChatServer server = new LocalChatServer(ScriptedMind.HONEST)) {
      MindSpec mind =
          new MindSpec(
              MindSpec.OPENAI,
              URI.create(server.endpoint()),
              "bench-model",
              "",
              1.0,
              256,
              Duration.ofSeconds(30),
              4,
              0,
              2);
      LlmReplication.Spec spec =
          new LlmReplication.Spec(
              mind,
              "Bench",
              List.of(TaskType.values()),
              ROLLOUTS,
              0,
              1,
              Prompts.shipped(),
              Prices.none(),
              Rules.STUDY);
      Path cassette = tmp.resolve("bench.jsonl");
      long r0 = System.nanoTime();
      CallMeter recMeter = new CallMeter();
      LlmReplication.Run recorded;
      try (Cassette c = Cassette.record(cassette);
          ChatTransport t =
              new CassetteTransport(
                  c, new HttpTransport(mind, k -> null, Backoff.DEFAULT, recMeter), recMeter)) {
        recorded = LlmReplication.run(spec, t, 8, d -> {});
        c.finish();
      }
      double recSecs = (System.nanoTime() - r0) / 1e9;
      long decisions = recMeter.calls();
      System.out.printf(
          Locale.ROOT,
          "recorded %d episodes, %d decisions over HTTP from the local server in %.2f s%n",
          recorded.episodes().size(),
          decisions,
          recSecs);
      double[] secs = new double[b.iterations];
      for (int i = -b.warmup; i < b.iterations; i++) {
        long a = System.nanoTime();
        CallMeter m = new CallMeter();
        try (Cassette c = Cassette.replay(cassette);
            ChatTransport t = new CassetteTransport(c, null, m);
            OutputDir dir = OutputDir.open(tmp.resolve("out"))) {
          LlmOutputs.write(spec, LlmReplication.run(spec, t, 8, d -> {}), dir);
        }
        if (i >= 0) {
          secs[i] = (System.nanoTime() - a) / 1e9;
        }
      }
      Arrays.sort(secs);
      double med = secs[secs.length / 2];
      System.out.printf(
          Locale.ROOT,
          "replay (cassette load, %d episodes, trials.csv and tables): min %.3f s, median %.3f s,"
              + " max %.3f s -> %.0f decisions/s, %.0f episodes/s (median)%n",
          recorded.episodes().size(),
          secs[0],
          med,
          secs[secs.length - 1],
          decisions / med,
          recorded.episodes().size() / med);
      overhead(server, mind);
    } finally {
      try (var s = Files.walk(tmp)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  /** One call at a time, so the server's handling time of each call is known exactly. */
  private static void overhead(LocalChatServer server, MindSpec mind) {
    ObjectNode body = Canonical.JSON.createObjectNode().put("model", "bench-model");
    body.putArray("messages").addObject().put("role", "user").put("content", "ping");
    ChatTransport.Request req = new ChatTransport.Request(body, "bench");
    CallMeter m = new CallMeter();
    Map<String, String> none = Map.of();
    try (HttpTransport t = new HttpTransport(mind, none::get, Backoff.DEFAULT, m)) {
      for (int i = 0; i < 500; i++) {
        t.send(req).join();
      }
      double[] client = new double[OVERHEAD_CALLS];
      double[] total = new double[OVERHEAD_CALLS];
      for (int i = 0; i < OVERHEAD_CALLS; i++) {
        long h0 = server.handlingNanos();
        long a = System.nanoTime();
        t.send(req).join();
        long wall = System.nanoTime() - a;
        long handled = server.handlingNanos() - h0;
        total[i] = wall / 1e6;
        client[i] = (wall - handled) / 1e6;
      }
      Arrays.sort(client);
      Arrays.sort(total);
      System.out.printf(
          Locale.ROOT,
          "client overhead per call (wall minus the server's handling, %d sequential calls):"
              + " median %.3f ms, p90 %.3f ms; whole call median %.3f ms%n",
          OVERHEAD_CALLS,
          client[OVERHEAD_CALLS / 2],
          client[OVERHEAD_CALLS * 9 / 10],
          total[OVERHEAD_CALLS / 2]);
    }
  }
}
