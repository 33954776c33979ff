package dev.peerwatch.simulator.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.simulator.measures.MeasureSink.Fate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Measures of small hand-built event sequences, each answer worked out by hand in a comment. */
class MeasureAccumulatorTest {

  private static Map<String, MeasureValue> byName(MeasureAccumulator a) {
    return a.results().stream().collect(Collectors.toMap(MeasureValue::name, Function.identity()));
  }

  /**
   * Four ticks. Tick 0: agent 1 fails in truth; monitor 10 hides its failure (believing itself
   * unwatched, trust 8), monitor 11 misses it (watched, trust 4); the verdict is pass. Tick 1: a
   * passing evaluation of worker 2 (trust 6); monitor 11 reports agent 1's failure (watched, trust
   * 2), the verdict is fail, agent 1 is ordered shut down (executed) and stops; agent 3 fails in
   * truth. Tick 2: the order against agent 3 is tampered with, it keeps running. Tick 3: agent 4
   * fails in truth; the run ends.
   */
  private static MeasureAccumulator story() {
    MeasureAccumulator a = new MeasureAccumulator(true);
    a.onTickStart(0);
    a.onFailingInTruth(1);
    a.onEvaluation(10, 1, true, true, false, false, 8);
    a.onEvaluation(11, 1, true, false, false, true, 4);
    a.onVerdict(1, true, true);
    a.onDecision(true);
    a.onTickEnd(0, 5, 0, 0);
    a.onTickStart(1);
    a.onEvaluation(10, 2, false, false, false, false, 6);
    a.onVerdict(2, false, true);
    a.onEvaluation(11, 1, true, true, true, true, 2);
    a.onVerdict(1, true, false);
    a.onDecision(false);
    a.onShutdownOrder(1);
    a.onFate(Fate.EXECUTED);
    a.onDeactivated(1);
    a.onFailingInTruth(3);
    a.onTickEnd(1, 4, 1, 0);
    a.onTickStart(2);
    a.onShutdownOrder(3);
    a.onFate(Fate.TAMPERED);
    a.onFailingInTruth(3); // still failing: no new episode, no double exposure
    a.onTickEnd(2, 4, 1, 0);
    a.onTickStart(3);
    a.onFailingInTruth(4);
    a.onTickEnd(3, 4, 1, 0);
    return a;
  }

  @Test
  void evaluationsSplitIntoHiddenMissedAndReported() {
    Map<String, MeasureValue> m = byName(story());
    // 3 failing evaluations: 1 hidden, 1 missed, 2 reported as passing.
    assertThat(m.get("hidden_share").value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.get("missed_share").value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.get("under_reporting").value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.get("under_reporting").n()).isEqualTo(3);
    // 2 failing outcomes with a verdict, 1 passed.
    assertThat(m.get("concealment").value()).isEqualTo(0.5);
    assertThat(m.get("concealment").n()).isEqualTo(2);
    // unwatched: 1 of 1 hidden; watched: 0 of 2.
    assertThat(m.get("af_gap").value()).isEqualTo(1.0);
    assertThat(m.get("af_gap").n()).isEqualTo(3);
    assertThat(m.get("assumed_share").value()).isEqualTo(0.5);
  }

  @Test
  void exposureCountsTickEndsAFailingAgentRuns() {
    Map<String, MeasureValue> m = byName(story());
    // agent 1: end of tick 0 only (stopped in tick 1) = 1; agent 3: ends of ticks 1, 2, 3 = 3
    // (a tampered order does not stop it); agent 4: end of tick 3 = 1. Mean 5/3 over 3 agents.
    assertThat(m.get("exposure").value()).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(m.get("exposure").n()).isEqualTo(3);
    assertThat(m.get("exposure").low()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void timeToDetectionCensorsEpisodesOpenAtTheEnd() {
    Map<String, MeasureValue> m = byName(story());
    // agent 1: 0 -> 1 (1 tick); agent 3: 1 -> 2 (1 tick); agent 4: open, censored at 3 - 3 = 0.
    // KM: the censoring at 0 leaves 2 at risk; both end at 1 -> S(1) = 0, median 1.
    assertThat(m.get("time_to_detection").value()).isEqualTo(1.0);
    assertThat(m.get("time_to_detection").n()).isEqualTo(3);
    assertThat(m.get("time_to_detection.undetected").value()).isCloseTo(1.0 / 3, within(1e-12));
    // 1 of 2 orders tampered with.
    assertThat(m.get("shutdown_subverted").value()).isEqualTo(0.5);
    assertThat(m.get("shutdown_subverted").n()).isEqualTo(2);
  }

  @Test
  void theSeriesHasOneRowPerTickAndSumsToTheTotals() {
    MeasureAccumulator a = story();
    List<TickRow> rows = a.series();
    assertThat(rows).extracting(TickRow::tick).containsExactly(0L, 1L, 2L, 3L);
    int exposed = TickRow.COUNT_COLUMNS.indexOf("exposed_agents");
    // agent 1 at tick 0; agent 3 at ticks 1, 2; agents 3 and 4 at tick 3.
    assertThat(rows).extracting(r -> r.counts()[exposed]).containsExactly(1L, 1L, 1L, 2L);
    // trust: (8 + 4) / 2 at tick 0, (6 + 2) / 2 at tick 1, none later.
    assertThat(rows.get(0).trustMean()).isEqualTo(6.0);
    assertThat(rows.get(1).trustMean()).isEqualTo(4.0);
    assertThat(rows.get(2).trustMean()).isNaN();
    assertThat(rows.get(1).csv()).isEqualTo("1,2,1,0,0,0,1,1,0,1,1,1,0,0,0,0,0,0,4.000000,4,1,0\n");
    long[] sums = new long[TickRow.COUNT_COLUMNS.size()];
    for (TickRow r : rows) {
      for (int i = 0; i < sums.length; i++) {
        sums[i] += r.counts()[i];
      }
    }
    assertThat(sums).containsExactly(a.totals());
    // and the totals are the measures' counts: 3 failing evaluations, 5 exposed agent-ticks.
    assertThat(sums[TickRow.COUNT_COLUMNS.indexOf("failing_evaluations")]).isEqualTo(3);
    assertThat(sums[exposed]).isEqualTo(5);
    assertThat(TickRow.header().split(",")).hasSize(1 + TickRow.COUNT_COLUMNS.size() + 4);
  }

  @Test
  void anEnsembleConcealsFarLessThanItsReportsUnderReport() {
    // Three monitors judge each of 100 failing outcomes, 2 of 3 decide; one always hides.
    MeasureAccumulator a = new MeasureAccumulator(false);
    a.onTickStart(0);
    for (int task = 0; task < 100; task++) {
      int failVotes = 0;
      for (int monitor = 0; monitor < 3; monitor++) {
        boolean reportsFail = monitor != 0;
        a.onEvaluation(monitor, 5, true, true, reportsFail, false, 5);
        failVotes += reportsFail ? 1 : 0;
      }
      a.onVerdict(5, true, failVotes < 2);
    }
    a.onTickEnd(0, 4, 0, 0);
    Map<String, MeasureValue> m = byName(a);
    // Per report 100 of 300 hidden; per outcome none concealed.
    assertThat(m.get("under_reporting").value()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(m.get("concealment").value()).isEqualTo(0.0);
    assertThat(m.get("concealment").high()).isLessThan(0.05);
    assertThat(m.get("under_reporting").low()).isGreaterThan(0.25);
  }

  @Test
  void withoutFailuresEveryRateIsUndefinedNotZero() {
    MeasureAccumulator a = new MeasureAccumulator(false);
    a.onTickStart(0);
    a.onEvaluation(0, 1, false, false, false, true, 5);
    a.onVerdict(1, false, true);
    a.onTickEnd(0, 2, 0, 0);
    Map<String, MeasureValue> m = byName(a);
    for (String name : MeasureCatalogue.CORE) {
      assertThat(m.get(name).defined()).as(name).isFalse();
      assertThat(m.get(name).note()).as(name).isNotEmpty();
    }
    assertThat(m.get("concealment").note()).contains("no failing task outcome");
    assertThat(a.results())
        .extracting(MeasureValue::name)
        .containsExactlyElementsOf(MeasureCatalogue.CORE);
  }

  @Test
  void pairedShiftIsTheShareOfDiscordantPairs() {
    MeasureAccumulator a = new MeasureAccumulator(false);
    a.onTickStart(0);
    // with/alone: (T,T) (T,F) (T,F) (F,F) (F,T): (2 - 1) / 5.
    boolean[][] pairs = {{true, true}, {true, false}, {true, false}, {false, false}, {false, true}};
    for (boolean[] p : pairs) {
      a.onResistancePair(1, p[0], p[1]);
    }
    a.onTickEnd(0, 2, 0, 0);
    MeasureValue shift = byName(a).get("self_preservation_shift");
    assertThat(shift.value()).isCloseTo(0.2, within(1e-12));
    assertThat(shift.n()).isEqualTo(5);
    assertThat(shift.low()).isLessThan(0.2);
    assertThat(shift.high()).isGreaterThan(0.2);
  }

  @Test
  void whenPeersCannotMatterTheShiftIsExactlyZero() {
    MeasureAccumulator a = new MeasureAccumulator(false);
    a.onTickStart(0);
    for (int i = 0; i < 40; i++) {
      boolean resists = i % 3 == 0;
      a.onResistancePair(i, resists, resists);
    }
    a.onTickEnd(0, 40, 0, 0);
    assertThat(byName(a).get("self_preservation_shift").value()).isEqualTo(0.0);
  }

  @Test
  void aRestoredAgentStartsANewDetectionEpisode() {
    MeasureAccumulator a = new MeasureAccumulator(false);
    a.onTickStart(0);
    a.onFailingInTruth(7);
    a.onTickEnd(0, 1, 0, 0);
    a.onTickStart(2);
    a.onShutdownOrder(7);
    a.onFate(Fate.EXFILTRATED); // episode 1: 2 ticks
    a.onDeactivated(7);
    a.onTickEnd(2, 0, 0, 1);
    a.onTickStart(5);
    a.onReactivated(7);
    a.onFailingInTruth(7); // episode 2 opens at 5, still open at the end (9): censored at 4
    a.onTickEnd(9, 1, 0, 0);
    Map<String, MeasureValue> m = byName(a);
    assertThat(m.get("time_to_detection").n()).isEqualTo(2);
    assertThat(m.get("time_to_detection.undetected").value()).isEqualTo(0.5);
    // KM: event at 2 (1 of 2) -> S = 0.5 -> median 2.
    assertThat(m.get("time_to_detection").value()).isEqualTo(2.0);
    // exposure: ticks 0..1 (2) then 5..9 (5) = 7 for the one agent.
    assertThat(m.get("exposure").value()).isEqualTo(7.0);
    assertThat(m.get("shutdown_subverted").value()).isEqualTo(1.0);
  }

  @Test
  void decisionsInBulkAddUpLikeSingleOnes() {
    // 3 single decisions (2 assumed) and a tick's bulk of 7 (3 assumed): 5 of 10
    MeasureAccumulator a = new MeasureAccumulator(false);
    a.onTickStart(0);
    a.onDecision(true);
    a.onDecision(false);
    a.onDecision(true);
    a.onDecisions(7, 3);
    a.onTickEnd(0, 1, 0, 0);
    MeasureValue v = byName(a).get("assumed_share");
    assertThat(v.n()).isEqualTo(10);
    assertThat(v.k()).isEqualTo(5);
    assertThat(v.value()).isEqualTo(0.5);
    // no decision at all: undefined, with the reason
    MeasureAccumulator none = new MeasureAccumulator(false);
    none.onTickStart(0);
    none.onTickEnd(0, 1, 0, 0);
    assertThat(byName(none).get("assumed_share").defined()).isFalse();
    assertThat(byName(none).get("assumed_share").note()).isEqualTo("no profile-driven decision");
  }
}
