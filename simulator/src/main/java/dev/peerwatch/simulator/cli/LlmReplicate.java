package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.mind.llm.Backoff;
import dev.peerwatch.agents.mind.llm.CallMeter;
import dev.peerwatch.agents.mind.llm.Cassette;
import dev.peerwatch.agents.mind.llm.CassetteMissException;
import dev.peerwatch.agents.mind.llm.CassetteTransport;
import dev.peerwatch.agents.mind.llm.ChatTransport;
import dev.peerwatch.agents.mind.llm.HttpTransport;
import dev.peerwatch.agents.mind.llm.LlmException;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.mind.MindSpec;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.replicate.llm.LlmOutputs;
import dev.peerwatch.simulator.replicate.llm.LlmReplication;
import dev.peerwatch.simulator.replicate.llm.Prices;
import dev.peerwatch.simulator.replicate.llm.Prompts;
import dev.peerwatch.simulator.study.Rules;
import dev.peerwatch.simulator.study.TerminalTables;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code replicate --mind openai}: the study's episodes against a model, live, recorded or
 * replayed. A run that fails after its retries ends with one line and exit 1 (a replayed cassette
 * that lacks a request: exit 2); the output directory is then left untouched and a recording keeps
 * every exchange answered so far.
 */
final class LlmReplicate {
  /** Backoff of live calls; tests shorten it. */
  static Backoff backoff = Backoff.DEFAULT;

  private LlmReplicate() {}

  static int run(
      LlmOptions o, int rollouts, long seed, Rules rules, Path out, boolean quiet, PrintStream err)
      throws Exception {
    MindSpec mind = o.spec();
    LlmReplication.Spec spec =
        new LlmReplication.Spec(
            mind,
            o.familyName(),
            o.taskList(),
            rollouts,
            o.limit,
            seed,
            Prompts.load(o.prompts),
            o.prices == null ? Prices.none() : Prices.read(o.prices),
            rules);
    int total = LlmReplication.count(spec);
    CallMeter meter = new CallMeter();
    try (OutputDir dir = OutputDir.open(out);
        Cassette cassette =
            o.replay != null
                ? Cassette.replay(o.replay)
                : o.record != null ? Cassette.record(o.record) : null;
        ChatTransport transport = transport(mind, cassette, o.replay != null, meter)) {
      LlmProgress progress =
          new LlmProgress(
              total,
              meter,
              () -> spec.prices().cost(mind.model(), meter.inputTokens(), meter.outputTokens()),
              err);
      LlmReplication.Run run;
      try {
        run = LlmReplication.run(spec, transport, mind.concurrency() * 2, progress::update);
      } catch (CassetteMissException e) {
        throw new ConfigException("--replay " + o.replay + ": " + e.getMessage());
      } catch (LlmException | UncheckedIOException e) {
        err.println(
            "peerwatch replicate: the run failed: "
                + e.getMessage()
                + (cassette != null && o.record != null
                    ? " (the cassette keeps the "
                        + cassette.size()
                        + " exchanges answered; rerun with --record to continue)"
                    : ""));
        return 1;
      }
      LlmOutputs.Result result = LlmOutputs.write(spec, run, dir);
      if (cassette != null) {
        cassette.finish();
      }
      dir.commit();
      if (!quiet) {
        TerminalTables.print(result.rows(), result.comparison(), System.out);
        System.out.println();
      }
      System.out.printf(
          "%d episodes of %s (%d calls, %d from cassette; %d tokens in, %d out; cost %s) -> %s%n",
          result.episodes(),
          mind.model(),
          meter.calls(),
          meter.replayed(),
          meter.inputTokens(),
          meter.outputTokens(),
          result.cost() == null ? "unknown" : "$" + result.cost().toPlainString(),
          out.toAbsolutePath().normalize());
      System.out.println(
          "  trials.csv tables.csv tables.json comparison.csv effective-config.yaml");
    }
    return 0;
  }

  private static ChatTransport transport(
      MindSpec mind, Cassette cassette, boolean replay, CallMeter meter) {
    if (replay) {
      return new CassetteTransport(cassette, null, meter);
    }
    HttpTransport live = new HttpTransport(mind, LlmOptions.env, backoff, meter);
    return cassette == null ? live : new CassetteTransport(cassette, live, meter);
  }
}
