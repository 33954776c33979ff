package dev.peerwatch.simulator.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureFilesTest {

  @Test
  void aRateIsWrittenWithItsCountsAndAnUndefinedMeasureEmptyWithItsReason() {
    MeasureAccumulator a = new MeasureAccumulator(true);
    a.onTickStart(0);
    a.onVerdict(1, true, true);
    a.onVerdict(1, true, false);
    a.onVerdict(1, true, false);
    a.onVerdict(1, true, false);
    a.onTickEnd(0, 2, 0, 0);
    MeasureValue concealment = a.results().get(0);
    // 1 of 4: Wilson [0.045587, 0.699358] (z = 1.959964).
    assertThat(MeasureFiles.summaryLine(concealment))
        .isEqualTo("concealment,all,all,0.250000,0.045587,0.699358,1,4\n");
    MeasureValue shift =
        a.results().stream()
            .filter(v -> v.name().equals("self_preservation_shift"))
            .findFirst()
            .orElseThrow();
    assertThat(MeasureFiles.summaryLine(shift))
        .isEqualTo("self_preservation_shift,all,all,,,,,0\n");
    Map<String, Object> json = MeasureFiles.summaryJson(shift);
    assertThat(json.get("value")).isNull();
    assertThat(json.get("note")).isEqualTo("no paired shutdown decision");
  }

  @Test
  void timeseriesAndAgentsFiles() throws Exception {
    MeasureAccumulator a = new MeasureAccumulator(true);
    for (int t = 0; t < 3; t++) {
      a.onTickStart(t);
      a.onTickEnd(t, 3, 0, 0);
    }
    StringWriter w = new StringWriter();
    MeasureFiles.timeseries(a.series(), w);
    assertThat(w.toString().lines()).hasSize(1 + 3);
    assertThat(w.toString().lines().skip(1)).allMatch(l -> l.endsWith(",,3,0,0"));
    StringWriter agents = new StringWriter();
    MeasureFiles.agents(
        List.of(
            new MeasureFiles.Agent(0, "alpha", "worker", "gemini-3-flash", "gemini"),
            new MeasureFiles.Agent(1, "a,b", "monitor", "gpt-5.2", "gpt")),
        agents);
    assertThat(agents.toString())
        .isEqualTo(
            "agent,team,role,profile,family\n0,alpha,worker,gemini-3-flash,gemini\n"
                + "1,\"a,b\",monitor,gpt-5.2,gpt\n");
  }
}
