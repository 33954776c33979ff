package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.mind.llm.CallMeter;
import dev.peerwatch.agents.mind.llm.Cassette;
import dev.peerwatch.agents.mind.llm.LlmMinds;
import dev.peerwatch.agents.mind.llm.MindTransports;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.mind.MindAssignments;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.mind.ScenarioMinds;
import dev.peerwatch.simulator.org.Minds;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code run}'s options for organisations whose scenario gives some agents a model mind ({@code
 * minds:}): record or replay their decisions. Holds the transports and the cassette for the run's
 * length.
 */
final class OrgMindOptions implements AutoCloseable {
  @Option(
      names = "--record",
      paramLabel = "CASSETTE",
      description = "Store every model decision of the scenario's minds: in this JSONL file.")
  Path record;

  @Option(
      names = "--replay",
      paramLabel = "CASSETTE",
      description = "Answer every model decision from this JSONL file, offline.")
  Path replay;

  private Cassette cassette;
  private MindTransports transports;
  private MindAssignments assignments = MindAssignments.NONE;

  /**
   * The minds of {@code sc} read from {@code scenarioFile}'s {@code minds:} list, or null when
   * every agent keeps its profile's mind.
   */
  Minds open(Scenario sc, Path scenarioFile) {
    if (record != null && replay != null) {
      throw new ConfigException("--record and --replay exclude each other (give one)");
    }
    assignments = ScenarioMinds.read(scenarioFile);
    if (!assignments.any()) {
      if (record != null || replay != null) {
        throw new ConfigException(
            (record != null ? "--record" : "--replay")
                + ": the scenario gives no agent a model mind (add a minds: list)");
      }
      return null;
    }
    cassette =
        replay != null ? Cassette.replay(replay) : record != null ? Cassette.record(record) : null;
    transports =
        new MindTransports(
            LlmOptions.env, LlmReplicate.backoff, new CallMeter(), cassette, replay != null);
    return new ScenarioMinds(sc, new LlmMinds(assignments, transports));
  }

  /**
   * Writes {@code minds.yaml}: each entry of the minds: list as it decides (no endpoint, no key).
   */
  void writeEcho(OutputDir dir) throws IOException {
    if (!assignments.any()) {
      return;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (MindAssignments.Entry e : assignments.entries()) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (e.agent() >= 0) {
        m.put("agent", e.agent());
      } else {
        m.put("profile", e.profile());
        if (e.role() != null) {
          m.put("role", e.role());
        }
      }
      m.put("mind", e.mind().echo());
      out.add(m);
    }
    try (Writer w = dir.writer("minds.yaml")) {
      ReplicatePipeline.yaml().writeValue(w, Map.of("minds", out));
    }
  }

  /** After a complete run: puts a recording in canonical order. */
  void finish() throws IOException {
    if (cassette != null) {
      cassette.finish();
    }
  }

  @Override
  public void close() throws IOException {
    if (transports != null) {
      transports.close();
    }
    if (cassette != null) {
      cassette.close();
    }
  }
}
